import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isProgramName, type LoggerApi } from '@drover/contracts';
import { CURRENT_FILE, parseArchiveName } from '../../rotate/archive-name.js';

type LogSummary = LoggerApi.components['schemas']['LogSummary'];

/** Whether `root/<program>` is a log directory. */
export function hasLog(root: string, program: string): boolean {
  try {
    return statSync(join(root, program)).isDirectory();
  } catch {
    return false;
  }
}

/** Every program directory under `root` with its file count and size. */
export function listLogs(root: string): LogSummary[] {
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch {
    return [];
  }
  const out: LogSummary[] = [];
  for (const program of names) {
    if (!isProgramName(program) || !hasLog(root, program)) continue;
    let files = 0;
    let bytes = 0;
    let entries: string[] = [];
    try {
      entries = readdirSync(join(root, program));
    } catch {
      /* removed meanwhile */
    }
    for (const f of entries) {
      if (f !== CURRENT_FILE && !parseArchiveName(f)) continue;
      try {
        bytes += statSync(join(root, program, f)).size;
        files++;
      } catch {
        /* rotated or pruned meanwhile */
      }
    }
    out.push({ program, files, bytes });
  }
  return out;
}
