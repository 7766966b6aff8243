export { createSupervisor, type Supervisor, type SupervisorOptions } from './supervisor.js';
export { runSupervisor } from './main.js';
export {
  loadSupervisorConfig,
  resolveConfig,
  type SupervisorConfig,
} from './config/supervisor-config.js';
export { supervisorConfigSchema, programSpecSchema } from './config/schema.js';
export type { ProgramSpecInput } from './config/program-spec.js';
export { ProgramManager, type Action, type ReloadOutcome } from './programs/program-manager.js';
export type { Origin } from './state/definitions-store.js';
export { supervisorErrors } from './errors.js';
export { scanTaggedProcesses, readProcStat } from './state/proc.js';
export { importSupervisord } from './import/supervisord.js';
export { importProcfile } from './import/procfile.js';
export { importDaemontools } from './import/daemontools.js';
export { renderProgramsYaml, type ImportResult } from './import/import-result.js';
