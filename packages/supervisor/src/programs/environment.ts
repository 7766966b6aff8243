import type { ProgramSpec } from '../config/program-spec.js';
import { applyEnvDir } from './env-dir.js';
import type { Account } from './accounts.js';

/** The few variables a program gets from the supervisor when it does not inherit everything. */
export const BASE_VARIABLES = ['PATH', 'HOME', 'USER', 'LANG'] as const;

export interface EnvironmentInput {
  spec: ProgramSpec;
  name: string;
  /** The supervisor's own environment (main.ts hands it in). */
  baseEnv: Readonly<Record<string, string | undefined>>;
  /** Identifies this supervisor's children across its restarts (its root). */
  supervisorTag: string;
  account: Account | undefined;
}

/**
 * Builds a process's environment, in this order: the base (PATH, HOME, USER, LANG, or all with
 * `inherit_env`), the target user's HOME/USER/LOGNAME, `environment`, then `env_dir` (read at
 * every start, so a changed file takes effect on the next restart), then drover's tags.
 */
export function buildEnvironment(input: EnvironmentInput): Record<string, string> {
  const { spec, baseEnv } = input;
  const env: Record<string, string> = {};
  if (spec.inheritEnv) {
    for (const [k, v] of Object.entries(baseEnv)) if (v !== undefined) env[k] = v;
  } else {
    for (const k of BASE_VARIABLES) {
      const v = baseEnv[k];
      if (v !== undefined) env[k] = v;
    }
  }
  if (input.account !== undefined) {
    env['HOME'] = input.account.home;
    env['USER'] = input.account.user;
    env['LOGNAME'] = input.account.user;
  }
  Object.assign(env, spec.environment);
  if (spec.envDir !== undefined) applyEnvDir(spec.envDir, env);
  // The tags let a restarted supervisor find its children by scanning /proc/*/environ.
  env['DROVER_PROGRAM'] = input.name;
  env['DROVER_SUPERVISOR'] = input.supervisorTag;
  return env;
}
