#!/usr/bin/env node
// Runs node's test runner once over every *.test.ts under the given folders (Node 20 does not
// expand globs itself), so a whole run ends with one `# pass N` / `# fail N` summary.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const passthrough = [];
const roots = [];
for (const a of args) (a.startsWith('--') ? passthrough : roots).push(a);
if (roots.length === 0) roots.push('.');

const skip = new Set(['node_modules', 'dist', '.nx', '.drover', '.git']);
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) walk(path);
    else if (name.endsWith('.test.ts')) files.push(path);
  }
}
for (const r of roots) walk(r);
if (files.length === 0) {
  console.log('0 passed, 0 failed');
  process.exit(0);
}
const reporter = process.env.DROVER_TEST_REPORTER ?? 'tap';
const res = spawnSync(
  process.execPath,
  [
    '--conditions=development',
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${process.env.DROVER_TEST_CONCURRENCY ?? '2'}`,
    '--test-timeout=300000',
    `--test-reporter=${reporter}`,
    ...passthrough,
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(res.status ?? 1);
