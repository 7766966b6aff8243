import { createLog } from '@drover/contracts';
import { loadSchedulerConfig } from './config/scheduler-config.js';
import { startScheduler } from './scheduler.js';

export interface SchedulerMainOptions {
  configPath?: string | undefined;
}

/**
 * `drover scheduler`: the composition root. Reads the environment, serves until SIGTERM/SIGINT,
 * then finishes in-flight requests and exits.
 */
export async function schedulerMain(options: SchedulerMainOptions): Promise<void> {
  const configPath = options.configPath ?? process.env['DROVER_CONFIG'];
  const config = loadSchedulerConfig(configPath, { REDIS_URL: process.env['REDIS_URL'] });
  const log = createLog('scheduler', { level: process.env['LOG_LEVEL'] ?? 'info' });
  const running = await startScheduler(config, log);
  log.info({ url: running.url }, 'scheduler listening');
  const shutdown = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'scheduler stopping');
    running.stop().then(
      () => log.flush(() => process.exit(0)),
      (err: unknown) => {
        log.error({ err }, 'scheduler stop failed');
        log.flush(() => process.exit(1));
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
