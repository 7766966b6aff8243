import type { Command } from 'commander';

export function registerSchedulerCommand(program: Command): void {
  program
    .command('scheduler')
    .description('run the scheduler: the REST control plane (config: --config or DROVER_CONFIG)')
    .option('-c, --config <file>', 'config file (YAML)')
    .action(async (opts: { config?: string }) => {
      // Loaded on use: each service process maps only its own code.
      const { schedulerMain } = await import('@drover/scheduler');
      await schedulerMain({ configPath: opts.config });
    });
}
