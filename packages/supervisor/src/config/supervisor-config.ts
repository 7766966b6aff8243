import { resolve } from 'node:path';
import { loadConfig, parseDuration } from '@drover/contracts';
import type { ProgramSpecInput } from './program-spec.js';
import { supervisorConfigSchema } from './schema.js';

/** The config file as validated (defaults filled). */
export interface SupervisorConfigFile {
  host?: string;
  listen: string;
  root: string;
  token_sha256: string;
  fifo_dir?: string;
  adopt_poll: string | number;
  history: number;
  log_level: string;
  programs: Record<string, ProgramSpecInput>;
}

/** What the supervisor runs with: paths resolved, units parsed. */
export interface SupervisorConfig {
  host: string | undefined;
  listen: string;
  root: string;
  stateDir: string;
  fifoDir: string;
  tokenSha256: string;
  adoptPollMs: number;
  historySize: number;
  logLevel: string;
  programs: Record<string, ProgramSpecInput>;
  /** The file it came from, for reloads. */
  file: string | undefined;
}

export function resolveConfig(
  raw: SupervisorConfigFile,
  file: string | undefined,
): SupervisorConfig {
  const root = resolve(raw.root);
  const stateDir = resolve(root, 'state');
  return {
    host: raw.host,
    listen: raw.listen,
    root,
    stateDir,
    fifoDir: resolve(root, raw.fifo_dir ?? resolve(stateDir, 'fifo')),
    tokenSha256: raw.token_sha256,
    adoptPollMs: parseDuration(raw.adopt_poll),
    historySize: raw.history,
    logLevel: raw.log_level,
    programs: raw.programs,
    file,
  };
}

/** Reads and validates `drover supervisor --config FILE` (throws a config error naming the field). */
export function loadSupervisorConfig(
  file: string | undefined,
  overrides: Record<string, unknown> = {},
): SupervisorConfig {
  const raw = loadConfig<SupervisorConfigFile>(file, supervisorConfigSchema, overrides);
  return resolveConfig(raw, file === undefined ? undefined : resolve(file));
}
