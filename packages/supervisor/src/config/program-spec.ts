import { resolve } from 'node:path';
import { parseDuration, type SupervisorApi } from '@drover/contracts';
import { supervisorErrors } from '../errors.js';
import type { Autorestart } from '../programs/transitions.js';

type Schemas = SupervisorApi.components['schemas'];
/** A program's definition as written: in the config file, a PUT body, a release. */
export type ProgramSpecInput = Schemas['ProgramSpec'];
export type ReadySpec = Schemas['Ready'];
export type SignalName = Schemas['Signal'];

/** A definition with every default filled and every unit parsed: what the runner uses. */
export interface ProgramSpec {
  /** argv to spawn: a string command becomes `/bin/sh -c 'exec …'`. */
  argv: readonly string[];
  directory: string;
  environment: Readonly<Record<string, string>>;
  envDir: string | undefined;
  inheritEnv: boolean;
  user: string | undefined;
  group: string | undefined;
  umask: number | undefined;
  autostart: boolean;
  autorestart: Autorestart;
  exitCodes: readonly number[];
  startSecsMs: number;
  startRetries: number;
  backoff: { initialMs: number; factor: number; maxMs: number };
  ready: ReadySpec | undefined;
  stopSignal: SignalName;
  stopTimeoutMs: number;
  priority: number;
}

export const DEFAULT_PRIORITY = 999;

function duration(name: string, field: string, value: string | number | undefined, def: number) {
  if (value === undefined) return def;
  try {
    return parseDuration(value);
  } catch (err) {
    throw supervisorErrors.invalidSpec(name, `${field}: ${(err as Error).message}`);
  }
}

/**
 * Fills defaults and parses units. `baseDir` resolves relative `directory` / `env_dir` (the
 * supervisor's root); `extraEnv` adds per-instance variables.
 */
export function normalizeSpec(
  name: string,
  input: ProgramSpecInput,
  baseDir: string,
  extraEnv: Record<string, string> = {},
): ProgramSpec {
  const argv =
    typeof input.command === 'string' ? ['/bin/sh', '-c', `exec ${input.command}`] : input.command;
  if (argv.length === 0) throw supervisorErrors.invalidSpec(name, 'command is empty');
  let umask: number | undefined;
  if (input.umask !== undefined) umask = Number.parseInt(input.umask, 8);
  const b = input.backoff ?? {};
  const ready = input.ready;
  if (ready !== undefined && 'notify_fd' in ready && ready.notify_fd < 3) {
    throw supervisorErrors.invalidSpec(name, 'ready.notify_fd must be 3 or more');
  }
  return {
    argv: [...argv],
    directory: resolve(baseDir, input.directory ?? '.'),
    environment: { ...(input.environment ?? {}), ...extraEnv },
    envDir: input.env_dir === undefined ? undefined : resolve(baseDir, input.env_dir),
    inheritEnv: input.inherit_env ?? false,
    user: input.user,
    group: input.group,
    umask,
    autostart: input.autostart ?? true,
    autorestart: input.autorestart ?? 'unexpected',
    exitCodes: input.exit_codes ?? [0],
    startSecsMs: duration(name, 'start_secs', input.start_secs, 1000),
    startRetries: input.start_retries ?? 3,
    backoff: {
      initialMs: duration(name, 'backoff.initial', b.initial, 1000),
      factor: b.factor ?? 2,
      maxMs: duration(name, 'backoff.max', b.max, 60_000),
    },
    ready,
    stopSignal: input.stop_signal ?? 'TERM',
    stopTimeoutMs: duration(name, 'stop_timeout', input.stop_timeout, 10_000),
    priority: input.priority ?? DEFAULT_PRIORITY,
  };
}

/** Two definitions that would run the same process the same way. */
export function sameSpec(a: ProgramSpec, b: ProgramSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The definition as the API shows it: environment values never leave the host. */
export function redactSpec(input: ProgramSpecInput): ProgramSpecInput {
  if (input.environment === undefined) return input;
  const environment: Record<string, string> = {};
  for (const key of Object.keys(input.environment)) environment[key] = '[redacted]';
  return { ...input, environment };
}
