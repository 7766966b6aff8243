import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder (same depth from src/ and dist/). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The command line that runs `drover …` in a child process: the built CLI (what `npm test` has
 * just built), or the sources through tsx when DROVER_TEST_FROM_SOURCE=1 or nothing is built.
 */
export function droverArgv(...args: string[]): { command: string; args: string[] } {
  const built = `${repoRoot}packages/cli/bin/drover.js`;
  const builtMain = `${repoRoot}packages/cli/dist/main.js`;
  if (process.env['DROVER_TEST_FROM_SOURCE'] !== '1' && existsSync(builtMain)) {
    return { command: process.execPath, args: [built, ...args] };
  }
  return {
    command: process.execPath,
    args: [
      '--conditions=development',
      '--import',
      'tsx',
      `${repoRoot}packages/cli/src/main.ts`,
      ...args,
    ],
  };
}
