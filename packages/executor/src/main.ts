import { createLog } from '@drover/contracts';
import { loadExecutorConfig } from './config/executor-config.js';
import { startExecutor } from './worker.js';

export interface ExecutorMainOptions {
  configPath?: string | undefined;
}

/** `drover executor`: the composition root. Runs deploys until SIGTERM/SIGINT. */
export async function executorMain(options: ExecutorMainOptions): Promise<void> {
  const configPath = options.configPath ?? process.env['DROVER_CONFIG'];
  const config = loadExecutorConfig(configPath, { REDIS_URL: process.env['REDIS_URL'] });
  const log = createLog('executor', { level: process.env['LOG_LEVEL'] ?? 'info' });
  const running = await startExecutor(config, log);
  const shutdown = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'executor stopping: finishing running deploys');
    running.stop().then(
      () => log.flush(() => process.exit(0)),
      (err: unknown) => {
        log.error({ err }, 'executor stop failed');
        log.flush(() => process.exit(1));
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
