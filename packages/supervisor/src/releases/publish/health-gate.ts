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

/** How soon a failed HTTP check is tried again (program changes are seen as they happen). */
const HTTP_RETRY_MS = 100;

function isUp(p: Program): boolean {
  return p.state === 'RUNNING' && (p.ready || p.spec.ready === undefined);
}

/** Resolves after `ms`, on the first change of any of the programs, or when `signal` aborts. */
function nextChange(programs: readonly Program[], ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe: (() => void)[] = [];
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', wake);
      for (const u of unsubscribe) u();
      resolve();
    };
    const timer = setTimeout(wake, Math.max(1, ms));
    signal.addEventListener('abort', wake, { once: true });
    for (const p of programs) unsubscribe.push(p.onChange(wake));
  });
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
 * fails at once; otherwise not healthy by `timeoutMs` is unhealthy. Looks again on every change
 * of state, pid or readiness of the programs (not on a poll), when `minHealthyMs` is over, and
 * shortly after a failed HTTP check.
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
    let waitMs = deadline - now;
    if (down.length === 0) {
      // All up: wake when the clock is over; after a failed HTTP check, retry it soon.
      waitMs = Math.min(
        waitMs,
        since === undefined ? HTTP_RETRY_MS : since + options.minHealthyMs - now,
      );
    }
    await nextChange(programs, waitMs, signal);
  }
}
