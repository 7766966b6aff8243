export { startExecutor, type RunningExecutor } from './worker.js';
export { executorMain, type ExecutorMainOptions } from './main.js';
export {
  loadExecutorConfig,
  executorConfigSchema,
  type ExecutorConfig,
} from './config/executor-config.js';
export { signBody, SIGNATURE_HEADER } from './notify/notifications.js';
