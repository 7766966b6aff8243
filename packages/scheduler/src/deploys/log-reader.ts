import type { Redis } from 'ioredis';
import { FINAL_LOG_FIELD, type DeployKeys } from '@drover/contracts';

export interface LogEntry {
  id: string;
  line: string;
  /** Set on the entry that ends the log: the deploy's final status. */
  final?: string;
}

type RawEntry = [id: string, fields: string[]];

function toEntry([id, fields]: RawEntry): LogEntry {
  const entry: LogEntry = { id, line: '' };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const k = fields[i];
    const v = fields[i + 1] ?? '';
    if (k === 'line') entry.line = v;
    else if (k === FINAL_LOG_FIELD) entry.final = v;
  }
  return entry;
}

/**
 * Reads a deploy's log from after `afterId` (`0` for the start). With `follow`, keeps reading
 * (blocking XREAD on a connection of its own) until the final entry or `signal` aborts.
 */
export async function* readDeployLog(
  redis: Redis,
  keys: DeployKeys,
  id: string,
  options: { afterId: string; follow: boolean; signal: AbortSignal },
): AsyncGenerator<LogEntry> {
  const key = keys.log(id);
  let last = options.afterId;
  const first = (await redis.xrange(key, last === '0' ? '-' : `(${last}`, '+')) as RawEntry[];
  for (const raw of first) {
    const e = toEntry(raw);
    last = e.id;
    yield e;
    if (e.final !== undefined) return;
  }
  if (!options.follow) return;
  const blocking = redis.duplicate();
  const abort = () => blocking.disconnect();
  options.signal.addEventListener('abort', abort, { once: true });
  try {
    while (!options.signal.aborted) {
      const res = await blocking.xread('BLOCK', 5000, 'STREAMS', key, last);
      for (const raw of res?.[0]?.[1] ?? []) {
        const e = toEntry(raw);
        last = e.id;
        yield e;
        if (e.final !== undefined) return;
      }
    }
  } catch (err) {
    if (!options.signal.aborted) throw err;
  } finally {
    options.signal.removeEventListener('abort', abort);
    blocking.disconnect();
  }
}
