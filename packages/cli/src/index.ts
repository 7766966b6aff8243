export { run } from './main.js';
// The pieces `drover up` is made of, for tests that need a whole stack of real processes.
export {
  startLocalHost,
  startSchedulerService,
  startExecutorService,
  type LocalHost,
  type SelfCommand,
} from './up/local-services.js';
export type { ChildService } from './up/child-service.js';
