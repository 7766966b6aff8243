import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ChildService {
  name: string;
  proc: ChildProcess;
  logFile: string;
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts a long-running child with its output appended to a log file, in its own process group
 * so that Ctrl-C in the terminal reaches `drover up` alone and `up` stops children in order.
 */
export function startChildService(
  name: string,
  command: string,
  args: string[],
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
): ChildService {
  mkdirSync(dirname(logFile), { recursive: true, mode: 0o700 });
  const fd = openSync(logFile, 'a');
  const proc = spawn(command, args, { stdio: ['ignore', fd, fd], detached: true, env });
  closeSync(fd);
  const exited = once(proc, 'exit');
  return {
    name,
    proc,
    logFile,
    async stop(timeoutMs = 10_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `probe` until it succeeds; fails early if the child exits. */
export async function waitUntilReady(
  service: ChildService,
  probe: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.proc.exitCode !== null || service.proc.signalCode !== null) {
      throw new Error(`${service.name} exited during start-up; see ${service.logFile}`);
    }
    if (await probe().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(
    `${service.name} did not become ready in ${timeoutMs} ms; see ${service.logFile}`,
  );
}
