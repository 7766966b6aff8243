import { coerceError, createLog } from '@drover/contracts';
import { loadLoggerConfig } from './config/logger-config.js';
import { createLogger } from './logger.js';

export interface RunLoggerOptions {
  configFile: string;
}

/**
 * `drover logger --config FILE`: the composition root, the only place that installs signal
 * handlers or exits. SIGTERM/SIGINT write everything accepted and exit 0, SIGHUP re-reads the
 * config, SIGALRM rotates every log.
 */
export async function runLogger(options: RunLoggerOptions): Promise<void> {
  const config = loadLoggerConfig(options.configFile);
  const log = createLog('logger', { level: config.logLevel });
  const logger = createLogger({ config, log });
  const { url } = await logger.start();
  log.info({ url, root: config.root, ingest: config.ingest }, 'logger listening');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    logger.stop().then(
      ({ droppedBytes }) => {
        log.flush();
        process.exit(droppedBytes > 0 ? 1 : 0);
      },
      (err: unknown) => {
        log.error({ err: coerceError(err) }, 'stop failed');
        log.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('SIGHUP', () => {
    try {
      logger.reload(loadLoggerConfig(options.configFile));
    } catch (err) {
      log.error({ err: coerceError(err) }, 'config reload failed; keeping the old one');
    }
  });
  process.on('SIGALRM', () => {
    logger.rotateAll().catch((err: unknown) => {
      log.error({ err: coerceError(err) }, 'rotation failed');
    });
  });
}
