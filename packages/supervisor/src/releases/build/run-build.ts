import type { Account } from '../../programs/accounts.js';
import { releaseErrors } from '../release-errors.js';
import { describeFailure, runCommand, type LineSink } from '../run/run-command.js';

export interface BuildContext {
  dir: string;
  env: Record<string, string>;
  account: Account | undefined;
  timeoutMs: number;
  onLine: LineSink;
  signal?: AbortSignal;
}

/**
 * Runs the app's build commands in order in the release directory. These are the one place a
 * string reaches a shell (`/bin/sh -c`), as DESIGN.md allows: the app's own commands, run as
 * the app's user with its environment, each within the timeout, output streamed.
 */
export async function runBuild(commands: readonly string[], ctx: BuildContext): Promise<void> {
  for (const command of commands) {
    ctx.onLine(`$ ${command}`);
    const r = await runCommand(['/bin/sh', '-c', command], {
      cwd: ctx.dir,
      env: ctx.env,
      uid: ctx.account?.uid,
      gid: ctx.account?.gid,
      timeoutMs: ctx.timeoutMs,
      signal: ctx.signal,
      onLine: ctx.onLine,
    });
    if (ctx.signal?.aborted === true) throw releaseErrors.interrupted();
    if (r.code !== 0) {
      throw releaseErrors.buildFailed(
        describeFailure(`build command '${command}'`, { ...r, stderrTail: '' }, ctx.timeoutMs),
      );
    }
  }
}
