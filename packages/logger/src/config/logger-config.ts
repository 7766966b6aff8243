import { resolve } from 'node:path';
import { commonErrors, loadConfig, parseDuration, parseSize } from '@drover/contracts';
import { loggerConfigSchema, type RawLoggerConfig, type RawRotate } from './config-schema.js';

/** How one program's `current` is rotated (sizes in bytes, durations in ms). */
export interface RotatePolicy {
  maxBytes: number;
  keep: number;
  maxAgeMs: number | null;
  compress: boolean;
}

/** The logger's settings with units resolved, as the rest of the package uses them. */
export interface LoggerConfig {
  listen: string;
  root: string;
  ingest: string | null;
  tokenSha256: string;
  rotate: RotatePolicy;
  programs: Record<string, Partial<RotatePolicy>>;
  maxLine: number;
  bufferMax: number;
  retryMs: number;
  stopTimeoutMs: number;
  logLevel: RawLoggerConfig['log_level'];
}

function rotatePolicy(raw: RawRotate): Partial<RotatePolicy> {
  const p: Partial<RotatePolicy> = {};
  if (raw.max_bytes !== undefined) p.maxBytes = parseSize(raw.max_bytes);
  if (raw.keep !== undefined) p.keep = raw.keep;
  if (raw.max_age !== undefined)
    p.maxAgeMs = raw.max_age === null ? null : parseDuration(raw.max_age);
  if (raw.compress !== undefined) p.compress = raw.compress;
  return p;
}

/** Resolves units and paths of a validated raw config. */
export function resolveLoggerConfig(raw: RawLoggerConfig, baseDir = process.cwd()): LoggerConfig {
  const rotate = {
    maxBytes: 0,
    keep: 0,
    maxAgeMs: null,
    compress: false,
    ...rotatePolicy(raw.rotate),
  };
  if (rotate.maxBytes < 1) throw commonErrors.config('rotate.max_bytes', 'must be at least 1 byte');
  const programs: Record<string, Partial<RotatePolicy>> = {};
  for (const [name, p] of Object.entries(raw.programs))
    programs[name] = rotatePolicy(p.rotate ?? {});
  const maxLine = parseSize(raw.max_line);
  if (maxLine < 16) throw commonErrors.config('max_line', 'must be at least 16 bytes');
  return {
    listen: raw.listen,
    root: resolve(baseDir, raw.root),
    ingest: raw.ingest === undefined ? null : resolve(baseDir, raw.ingest),
    tokenSha256: raw.token_sha256.toLowerCase(),
    rotate,
    programs,
    maxLine,
    bufferMax: parseSize(raw.buffer_max),
    retryMs: parseDuration(raw.retry),
    stopTimeoutMs: parseDuration(raw.stop_timeout),
    logLevel: raw.log_level,
  };
}

/** Reads, validates and resolves a config file (relative paths are taken from the file's folder). */
export function loadLoggerConfig(
  file: string | undefined,
  overrides: Record<string, unknown> = {},
): LoggerConfig {
  const raw = loadConfig<RawLoggerConfig>(file, loggerConfigSchema, overrides);
  return resolveLoggerConfig(raw, file === undefined ? process.cwd() : resolve(file, '..'));
}

/** The rotation policy of one program: the defaults with its overrides laid over. */
export function rotatePolicyFor(config: LoggerConfig, program: string): RotatePolicy {
  return { ...config.rotate, ...config.programs[program] };
}
