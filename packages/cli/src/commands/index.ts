import type { Command } from 'commander';
import { registerLoggerCommand } from './logger.js';
import { registerSchedulerCommand } from './scheduler.js';
import { registerExecutorCommand } from './executor.js';
import { registerApplyCommand } from './apply.js';
import { registerUpCommand } from './up.js';
import { registerSupervisorCommand } from './supervisor.js';
import { registerImportCommand } from './import.js';
import { registerDeployCommand } from './deploy.js';
import { registerRollbackCommand } from './rollback.js';
import { registerCancelCommand } from './cancel.js';
import { registerStatusCommand } from './status.js';
import { registerDeploysCommand } from './deploys.js';
import { registerReleasesCommand } from './releases.js';
import { registerPsCommand } from './ps.js';
import { registerProgramActionCommands } from './program-actions.js';
import { registerLogsCommand } from './logs.js';

/** Every `drover` sub-command registers itself here, one line each. */
export function registerCommands(program: Command): void {
  registerLoggerCommand(program);
  registerSchedulerCommand(program);
  registerExecutorCommand(program);
  registerApplyCommand(program);
  registerUpCommand(program);
  registerSupervisorCommand(program);
  registerImportCommand(program);
  registerDeployCommand(program);
  registerRollbackCommand(program);
  registerCancelCommand(program);
  registerStatusCommand(program);
  registerDeploysCommand(program);
  registerReleasesCommand(program);
  registerPsCommand(program);
  registerProgramActionCommands(program);
  registerLogsCommand(program);
}
