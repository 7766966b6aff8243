import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

export interface Child {
  proc: ChildProcess;
  pid: number;
  /** Everything written to stdout/stderr so far. */
  output(): string;
  /** Resolves when `text` (or a match of the regex) has appeared in the output. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Signals the child's whole process group and waits for the child to exit. */
  stop(
    signal?: NodeJS.Signals,
    timeoutMs?: number,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns a real child in its own process group, so a test can kill it and everything it started.
 */
export function startChild(command: string, args: string[], options: SpawnOptions = {}): Child {
  const proc = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (proc.pid === undefined) throw new Error(`could not spawn ${command}`);
  const pid = proc.pid;
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of waiters) w();
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = once(proc, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const matches = (text: string | RegExp): string | undefined => {
    if (typeof text === 'string') return out.includes(text) ? text : undefined;
    return text.exec(out)?.[0];
  };
  return {
    proc,
    pid,
    exited,
    output: () => out,
    waitForOutput(text, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = matches(text);
          if (m !== undefined) {
            cleanup();
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${String(text)} in output:\n${out}`));
        }, timeoutMs);
        const onExit = () => {
          setImmediate(() => {
            if (matches(text) === undefined) {
              cleanup();
              reject(new Error(`child exited before printing ${String(text)}; output:\n${out}`));
            }
          });
        };
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
          proc.off('exit', onExit);
        };
        waiters.add(check);
        proc.once('exit', onExit);
        check();
      });
    },
    async stop(signal = 'SIGTERM', timeoutMs = 10_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return exited;
      try {
        process.kill(-pid, signal);
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}
