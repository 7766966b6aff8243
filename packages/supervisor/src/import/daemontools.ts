import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ProgramSpecInput } from '../config/program-spec.js';
import { programNameFrom, type ImportResult } from './import-result.js';

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function convertService(dir: string, result: ImportResult): void {
  const raw = basename(dir);
  const name = programNameFrom(raw);
  if (name !== raw) result.unmapped.push(`${dir}: renamed to '${name}'`);
  const run = join(dir, 'run');
  try {
    accessSync(run, constants.X_OK);
  } catch {
    result.unmapped.push(`${run}: not executable; drover runs it as is`);
  }
  const spec: ProgramSpecInput = { command: [run], directory: dir };
  if (isDir(join(dir, 'env'))) spec.env_dir = join(dir, 'env');
  if (existsSync(join(dir, 'down'))) spec.autostart = false;
  if (existsSync(join(dir, 'log', 'run'))) {
    result.unmapped.push(`${join(dir, 'log')}: drover's logger replaces the log service`);
  }
  for (const extra of ['finish', 'check', 'notification-fd']) {
    if (existsSync(join(dir, extra)))
      result.unmapped.push(`${join(dir, extra)}: no drover equivalent`);
  }
  result.programs[name] = spec;
}

/**
 * A daemontools service directory (`run`, `env/`, `down`), or a directory of them such as
 * /etc/service, to drover programs that run the same `run` scripts.
 */
export function importDaemontools(path: string): ImportResult {
  const result: ImportResult = { programs: {}, unmapped: [] };
  const dir = resolve(path);
  if (existsSync(join(dir, 'run'))) {
    convertService(dir, result);
    return result;
  }
  for (const entry of readdirSync(dir).sort()) {
    const sub = join(dir, entry);
    if (entry.startsWith('.') || !isDir(sub)) continue;
    if (existsSync(join(sub, 'run'))) convertService(sub, result);
    else result.unmapped.push(`${sub}: no run script, skipped`);
  }
  return result;
}
