import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * daemontools' envdir: each file names a variable; its first line, trailing whitespace trimmed
 * (NULs become newlines, as envdir does), is the value; an empty file removes the variable.
 */
export function applyEnvDir(dir: string, env: Record<string, string>): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.includes('=')) continue;
    const content = readFileSync(join(dir, name), 'latin1');
    if (content.length === 0) {
      delete env[name];
      continue;
    }
    const firstLine = content.split('\n', 1)[0] ?? '';
    env[name] = firstLine.replace(/[ \t\r]+$/, '').replace(/\0/g, '\n');
  }
}
