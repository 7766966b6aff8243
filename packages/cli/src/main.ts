import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { DroverError } from '@drover/contracts';
import { registerCommands } from './commands/index.js';

/** Exit codes: 0 ok, 1 failed, 2 usage or configuration error. */
export async function run(argv: string[]): Promise<void> {
  const program = new Command('drover')
    .description('Deploy and supervise long-running daemons on a fleet of Linux hosts.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander already printed the message (or the help/version text).
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof DroverError) {
    console.error(`drover: ${err.message}`);
    return err.code === 'config' || err.status === 400 ? 2 : 1;
  }
  console.error(`drover: ${err instanceof Error ? err.message : String(err)}`);
  return 1;
}

const invoked = process.argv[1];
if (invoked !== undefined && realpathSync(invoked) === fileURLToPath(import.meta.url)) {
  await run(process.argv);
}
