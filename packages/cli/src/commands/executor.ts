import type { Command } from 'commander';
import { executorMain } from '@drover/executor';

export function registerExecutorCommand(program: Command): void {
  program
    .command('executor')
    .description('run an executor: BullMQ workers that run deploys (run as many as you like)')
    .option('-c, --config <file>', 'config file (YAML)')
    .action(async (opts: { config?: string }) => {
      await executorMain({ configPath: opts.config });
    });
}
