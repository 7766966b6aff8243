export { runLogger, type RunLoggerOptions } from './main.js';
export { createLogger, FIFO_READ_AHEAD, type Logger, type LoggerDeps } from './logger.js';
export {
  loadLoggerConfig,
  resolveLoggerConfig,
  type LoggerConfig,
  type RotatePolicy,
} from './config/logger-config.js';
export { loggerConfigSchema } from './config/config-schema.js';
export { loggerErrors } from './errors.js';
export { nodeLogFs, type LogFs } from './storage/log-fs.js';
