import type { Log } from '@drover/contracts';
import type { LoggerConfig } from '../config/logger-config.js';
import type { LoggerMetrics } from '../metrics/logger-metrics.js';
import type { WriterRegistry } from '../writer/writer-registry.js';

/** What the HTTP routes need from the logger they belong to. */
export interface RouteDeps {
  config: () => LoggerConfig;
  writers: WriterRegistry;
  metrics: LoggerMetrics;
  log: Log;
  /** Aborted when the logger stops: open follows end so the server can close. */
  stopping: AbortSignal;
  version: string;
}
