import type { Command } from 'commander';

/** `drover logger --config FILE`: the host's logger (runs until SIGTERM). */
export function registerLoggerCommand(program: Command): void {
  program
    .command('logger')
    .description('Run the host logger: per-program rotating logs, read over HTTP')
    .requiredOption('--config <file>', 'logger config (YAML)')
    .action(async (options: { config: string }) => {
      // Loaded on use: each service process maps only its own code.
      const { runLogger } = await import('@drover/logger');
      await runLogger({ configFile: options.config });
    });
}
