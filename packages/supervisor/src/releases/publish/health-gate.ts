import { setTimeout as sleep } from 'node:timers/promises';
import type { Program } from '../../programs/program.js';
import type { LineSink } from '../run/run-command.js';

export interface HealthOptions {
  minHealthyMs: number;
  timeoutMs: number;
  http: string | undefined;
}

export interface HealthVerdict {
  healthy: boolean;
  detail: string;
}

const POLL_MS = 100;

function isUp(p: Program): boolean {
  return p.state === 'RUNNING' && (p.ready || p.spec.ready === undefined);
}

async function httpOk(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.ok ? undefined : `${url} answered ${res.status}`;
  } catch (err) {
    return `${url}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/**
 * Nomad's min_healthy_time: every program RUNNING and ready, with the same pid, for
 * `minHealthyMs` in a row (and the HTTP check answering 2xx at the end of it). A FATAL program
 * fails at once; otherwise not healthy by `timeoutMs` is unhealthy. Polls: publishes are rare
 * and short, and this reads only in-memory state.
 */
export async function waitHealthy(
  programs: readonly Program[],
  options: HealthOptions,
  onLine: LineSink,
  signal: AbortSignal,
): Promise<HealthVerdict> {
  const deadline = Date.now() + options.timeoutMs;
  let since: number | undefined;
  let signature = '';
  let lastProblem = 'not healthy yet';
  let lastShown = '';
  for (;;) {
    if (signal.aborted)
      return { healthy: false, detail: 'interrupted: the supervisor is stopping' };
    const fatal = programs.find((p) => p.state === 'FATAL');
    if (fatal !== undefined) {
      return {
        healthy: false,
        detail: `${fatal.name} is FATAL (${fatal.lastExit?.reason ?? 'could not start'})`,
      };
    }
    const down = programs.filter((p) => !isUp(p));
    const now = Date.now();
    const sig = programs.map((p) => `${p.name}:${p.pid ?? '-'}`).join(',');
    if (down.length > 0) {
      since = undefined;
      lastProblem = down
        .map((p) => `${p.name} ${p.state}${p.ready ? '' : ' (not ready)'}`)
        .join(', ');
    } else if (sig !== signature) {
      since = now; // a program was restarted: the clock starts again
    } else {
      since ??= now;
    }
    signature = sig;
    const shown = down.length > 0 ? `waiting: ${lastProblem}` : 'all programs up';
    if (shown !== lastShown) {
      onLine(shown);
      lastShown = shown;
    }
    if (since !== undefined && now - since >= options.minHealthyMs) {
      const problem = options.http === undefined ? undefined : await httpOk(options.http);
      if (problem === undefined) {
        return {
          healthy: true,
          detail: `${programs.length} program(s) up for ${options.minHealthyMs} ms`,
        };
      }
      lastProblem = problem;
      since = undefined;
    }
    if (now >= deadline) {
      return {
        healthy: false,
        detail: `not healthy within ${options.timeoutMs} ms: ${lastProblem}`,
      };
    }
    await sleep(POLL_MS);
  }
}
