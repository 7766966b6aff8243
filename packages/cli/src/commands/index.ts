import type { Command } from 'commander';
import { registerLoggerCommand } from './logger.js';
import { registerSchedulerCommand } from './scheduler.js';
import { registerExecutorCommand } from './executor.js';
import { registerApplyCommand } from './apply.js';
import { registerUpCommand } from './up.js';
import { registerSupervisorCommand } from './supervisor.js';
import { registerImportCommand } from './import.js';

/** Every `drover` sub-command registers itself here, one line each. */
export function registerCommands(program: Command): void {
  registerLoggerCommand(program);
  registerSchedulerCommand(program);
  registerExecutorCommand(program);
  registerApplyCommand(program);
  registerUpCommand(program);
  registerSupervisorCommand(program);
  registerImportCommand(program);
}
