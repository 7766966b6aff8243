import type { Command } from 'commander';
import { schedulerMain } from '@drover/scheduler';

export function registerSchedulerCommand(program: Command): void {
  program
    .command('scheduler')
    .description('run the scheduler: the REST control plane (config: --config or DROVER_CONFIG)')
    .option('-c, --config <file>', 'config file (YAML)')
    .action(async (opts: { config?: string }) => {
      await schedulerMain({ configPath: opts.config });
    });
}
