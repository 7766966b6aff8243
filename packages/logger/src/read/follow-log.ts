import type { ProgramWriter } from '../writer/program-writer.js';
import { EventIdCounter } from './event-id.js';
import { takeSnapshot } from './log-files.js';
import { matches } from './log-line.js';
import { readHistory, type LineSink, type ReadQuery } from './read-log.js';

export interface FollowOptions {
  writer: ProgramWriter;
  dir: string;
  query: ReadQuery;
  sink: LineSink;
  /** Aborted when the client leaves or the logger stops. */
  signal: AbortSignal;
  /** A follower this far behind is cut off (it can resume from its last event id). */
  maxQueuedBytes?: number;
}

const NEWLINE = 10;

/**
 * Sends the history (as `readHistory`), then every line written after it, across rotations, until
 * `signal` aborts. The history's end and the live start meet exactly: the snapshot of `current`
 * and the subscription to the writer are taken in the same tick, at the writer's count of
 * completed bytes. Returns why it ended.
 */
export async function followLog(o: FollowOptions): Promise<'aborted' | 'behind' | 'closed'> {
  const { writer, sink, signal } = o;
  const limit = o.maxQueuedBytes ?? 32 << 20;
  const snap = writer.snapshot();
  const snapshot = takeSnapshot(o.dir, snap.size);
  const queue: Buffer[] = [];
  let queued = 0;
  let wake: (() => void) | null = null;
  const unsubscribe = writer.subscribe((c) => {
    let data = c.data;
    if (c.generation === snap.generation && c.start < snap.size) {
      const seen = snap.size - c.start;
      if (seen >= data.length) return;
      data = data.subarray(seen);
    }
    queue.push(Buffer.from(data));
    queued += data.length;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    const counter = new EventIdCounter();
    await readHistory(snapshot.files, o.query, counter, sink);
    snapshot.release();
    const live: ReadQuery = { ...o.query, tail: undefined };
    let carry: Buffer | null = null;
    for (;;) {
      if (signal.aborted) return 'aborted';
      if (sink.closed) return 'closed';
      if (queued > limit) return 'behind';
      if (queue.length === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      const chunks = queue.splice(0);
      queued = 0;
      if (carry) chunks.unshift(carry);
      const data = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
      const last = data.lastIndexOf(NEWLINE);
      if (last === -1) {
        carry = data;
        continue;
      }
      carry = last + 1 < data.length ? data.subarray(last + 1) : null;
      for (const line of data.toString('utf8', 0, last).split('\n')) {
        const id = counter.next(line);
        if (live.after !== undefined && !counter.isAfter(live.after)) continue;
        if (matches(line, live)) sink.line(line, id);
      }
      await sink.flush();
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    unsubscribe();
    snapshot.release();
  }
}
