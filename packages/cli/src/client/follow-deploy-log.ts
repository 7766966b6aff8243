import { DroverError } from '@drover/contracts';
import type { SchedulerClient } from './api-client.js';
import { expectOk } from './expect-ok.js';
import { sseEvents } from './sse-events.js';

export interface DeployLogLine {
  line: string;
  /** True on the line that ends the log (it states the outcome). */
  last: boolean;
}

export interface FollowOptions {
  /** Give up after this long without being able to reconnect. */
  reconnectForMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A deploy's log from the start to its final line, as server-sent events: when the connection
 * drops (a scheduler replica restarts, a proxy times out), it reconnects with `Last-Event-ID`
 * and goes on where it stopped, so no line is shown twice or lost.
 */
export async function* followDeployLog(
  client: SchedulerClient,
  id: string,
  options: FollowOptions = {},
): AsyncGenerator<DeployLogLine> {
  const reconnectForMs = options.reconnectForMs ?? 30_000;
  const sleep = options.sleep ?? pause;
  let lastId: string | undefined;
  let failingSince: number | undefined;
  for (;;) {
    let heard = false;
    try {
      const res = await client.GET('/v1/deploys/{id}/log', {
        params: {
          path: { id },
          query: { follow: true },
          header: lastId !== undefined ? { 'Last-Event-ID': lastId } : {},
        },
        headers: { Accept: 'text/event-stream' },
        parseAs: 'stream',
      });
      const body = expectOk(`log of deploy ${id}`, res);
      if (body === null) throw new Error('empty response');
      for await (const e of sseEvents(body)) {
        failingSince = undefined;
        heard = true;
        if (e.id !== undefined) lastId = e.id;
        const last = e.event === 'end';
        yield { line: e.data, last };
        if (last) return;
      }
    } catch (err) {
      // A problem answer (404, 401) will not get better by asking again.
      if (err instanceof DroverError && err.status >= 400 && err.status < 500) throw err;
      failingSince ??= Date.now();
      if (Date.now() - failingSince > reconnectForMs) throw err;
    }
    // A stream that closed without a word is as good as a failed one.
    if (!heard) failingSince ??= Date.now();
    if (failingSince !== undefined && Date.now() - failingSince > reconnectForMs) {
      throw new DroverError('unreachable', 503, 'Log stream lost', {
        detail: `lost the log of deploy ${id}; see drover status ${id}`,
      });
    }
    await sleep(500);
  }
}
