import type { Command } from 'commander';

/** `drover supervisor --config FILE`: the host agent that keeps programs up. */
export function registerSupervisorCommand(program: Command): void {
  program
    .command('supervisor')
    .description('run the supervisor: keeps programs up, adopts them across its own restarts')
    .requiredOption('-c, --config <file>', 'config file (YAML)')
    .option('--listen <host:port>', 'override the config file’s listen address')
    .action(async (opts: { config: string; listen?: string }) => {
      // Loaded on use: every page the supervisor maps makes each fork (each restart) slower.
      const { runSupervisor } = await import('@drover/supervisor');
      await runSupervisor({ config: opts.config, listen: opts.listen });
    });
}
