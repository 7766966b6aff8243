#!/usr/bin/env node
// Generates packages/contracts/src/generated/<name>.ts from openapi/<name>.yaml with
// openapi-typescript. `--check` fails (exit 1) when the committed files differ from the specs.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const names = ['scheduler', 'supervisor', 'logger'];
const outDir = `${root}packages/contracts/src/generated`;
mkdirSync(outDir, { recursive: true });
let stale = [];
for (const name of names) {
  const spec = new URL(`../openapi/${name}.yaml`, import.meta.url);
  const ast = await openapiTS(spec, {
    alphabetize: false,
    exportType: false,
    defaultNonNullable: false,
  });
  const text =
    `// Generated from openapi/${name}.yaml by scripts/generate-types.mjs. Do not edit.\n` +
    astToString(ast);
  const file = `${outDir}/${name}.ts`;
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    /* missing */
  }
  if (current === text) continue;
  if (check) stale.push(`packages/contracts/src/generated/${name}.ts`);
  else writeFileSync(file, text);
}
if (stale.length > 0) {
  console.error(`generated types are stale: ${stale.join(', ')} (run: npm run generate)`);
  process.exit(1);
}
