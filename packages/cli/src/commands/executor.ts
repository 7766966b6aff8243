import type { Command } from 'commander';

export function registerExecutorCommand(program: Command): void {
  program
    .command('executor')
    .description('run an executor: BullMQ workers that run deploys (run as many as you like)')
    .option('-c, --config <file>', 'config file (YAML)')
    .action(async (opts: { config?: string }) => {
      // Loaded on use: each service process maps only its own code.
      const { executorMain } = await import('@drover/executor');
      await executorMain({ configPath: opts.config });
    });
}
