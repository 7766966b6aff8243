import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '@drover/contracts';
import { boundUrl, closeServer, listen } from '@drover/contracts/http';
import { createApp } from './api/create-app.js';
import { createClock } from './clock/timestamp-clock.js';
import type { LoggerConfig } from './config/logger-config.js';
import { FifoIngest } from './ingest/fifo-ingest.js';
import { acquireRootLock, type RootLock } from './lock/root-lock.js';
import { createLoggerMetrics, type LoggerMetrics } from './metrics/logger-metrics.js';
import { nodeLogFs, type LogFs } from './storage/log-fs.js';
import { WriterRegistry } from './writer/writer-registry.js';

export const LOGGER_VERSION = '0.1.0';

/**
 * Unwritten bytes at which a FIFO's reading pauses. It bounds what a SIGKILL can lose (read but
 * not written) while leaving room for the next write to be large.
 */
export const FIFO_READ_AHEAD = 512 * 1024;

export interface LoggerDeps {
  config: LoggerConfig;
  log: Log;
  /** File layer for log data (tests inject failures). */
  fs?: LogFs;
  validateResponses?: boolean;
}

export interface Logger {
  start(): Promise<{ url: string }>;
  /** Stops reading, writes what was accepted (up to stop_timeout), releases the lock. */
  stop(): Promise<{ droppedBytes: number }>;
  /** Applies a re-read config (rotation, limits, token); listen/root/ingest need a restart. */
  reload(config: LoggerConfig): void;
  /** SIGALRM: rotate every program's current. */
  rotateAll(): Promise<void>;
  readonly writers: WriterRegistry;
  readonly metrics: LoggerMetrics;
}

export function createLogger(deps: LoggerDeps): Logger {
  let config = deps.config;
  const log = deps.log;
  const metrics = createLoggerMetrics();
  const writers = new WriterRegistry({
    config: () => config,
    clock: createClock(),
    fs: deps.fs ?? nodeLogFs,
    log,
    metrics,
  });
  const stopping = new AbortController();
  let lock: RootLock | null = null;
  let server: Server | null = null;
  let ingest: FifoIngest | null = null;

  return {
    writers,
    metrics,
    async start() {
      mkdirSync(config.root, { recursive: true });
      lock = await acquireRootLock(join(config.root, '.lock'));
      const app = createApp({
        config: () => config,
        writers,
        metrics,
        log,
        stopping: stopping.signal,
        version: LOGGER_VERSION,
        validateResponses: deps.validateResponses,
      });
      try {
        server = await listen(app, config.listen);
        if (config.ingest !== null) {
          ingest = new FifoIngest({
            dir: config.ingest,
            writers,
            maxLine: () => config.maxLine,
            readAhead: FIFO_READ_AHEAD,
            log,
          });
          ingest.start();
        }
      } catch (err) {
        await lock.release();
        throw err;
      }
      return { url: boundUrl(server) };
    },
    async stop() {
      stopping.abort();
      ingest?.stop();
      const closing = server ? closeServer(server) : Promise.resolve();
      const droppedBytes = await writers.close(config.stopTimeoutMs);
      await closing;
      await lock?.release();
      if (droppedBytes > 0) log.error({ droppedBytes }, 'stopped with unwritten lines');
      return { droppedBytes };
    },
    reload(next) {
      for (const key of ['listen', 'root', 'ingest'] as const) {
        if (next[key] !== config[key]) log.warn({ key }, 'changing this setting needs a restart');
      }
      config = { ...next, listen: config.listen, root: config.root, ingest: config.ingest };
      writers.policyChanged();
      log.info('config reloaded');
    },
    rotateAll: () => writers.rotateAll(),
  };
}
