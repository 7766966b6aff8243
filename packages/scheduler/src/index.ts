export { createSchedulerApp, type SchedulerAppDeps } from './app.js';
export { startScheduler, connectRedis, type RunningScheduler } from './scheduler.js';
export { schedulerMain, type SchedulerMainOptions } from './main.js';
export {
  loadSchedulerConfig,
  schedulerConfigSchema,
  type SchedulerConfig,
} from './config/scheduler-config.js';
export type * from './views/types.js';
