import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** Where a command's output lines go (the operation's log). */
export type LineSink = (line: string) => void;

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  timeoutMs?: number;
  /** Each line of stdout (unless `stdout` is given) and stderr. */
  onLine?: LineSink;
  /** Feeds the command's stdin (e.g. `git archive` into `tar -x`). */
  stdin?: Readable;
  /** Takes stdout as bytes instead of lines. */
  stdout?: Writable;
  signal?: AbortSignal;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last stderr lines, for an error message. */
  stderrTail: string;
}

function lineSplitter(onLine: LineSink | undefined, tail?: string[]) {
  let rest = '';
  return {
    push(chunk: Buffer) {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        onLine?.(line);
        if (tail !== undefined) {
          tail.push(line);
          if (tail.length > 5) tail.shift();
        }
      }
    },
    end() {
      if (rest !== '') {
        onLine?.(rest);
        tail?.push(rest);
      }
      rest = '';
    },
  };
}

/**
 * Runs one command as an argv array (never a shell of ours), in its own process group so a
 * timeout or an abort kills everything it started.
 */
export function runCommand(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error('empty argv');
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      uid: options.uid,
      gid: options.gid,
      detached: true,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const out = lineSplitter(options.onLine);
    const err = lineSplitter(options.onLine, tail);
    if (options.stdin !== undefined && child.stdin !== null) {
      options.stdin.pipe(child.stdin);
      child.stdin.on('error', () => undefined); // the reader died first: its exit says why
    }
    if (options.stdout !== undefined) child.stdout?.pipe(options.stdout);
    else child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    };
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup();
          }, options.timeoutMs);
    const onAbort = () => killGroup();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let spawnError: string | undefined;
    child.on('error', (e) => {
      spawnError = e.message;
    });
    child.on('close', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      out.end();
      err.end();
      if (spawnError !== undefined) tail.push(spawnError);
      resolve({ code, signal, timedOut, stderrTail: tail.join('\n') });
    });
  });
}

export function describeFailure(what: string, r: RunResult, timeoutMs?: number): string {
  if (r.timedOut) return `${what} timed out after ${timeoutMs ?? 0} ms`;
  const how = r.signal !== null ? `was killed by ${r.signal}` : `exited with code ${r.code ?? '?'}`;
  return r.stderrTail === '' ? `${what} ${how}` : `${what} ${how}: ${r.stderrTail}`;
}
