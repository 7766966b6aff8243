import { createReadStream, openSync, read } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { EventId, EventIdCounter } from './event-id.js';
import type { LogFile } from './log-files.js';
import { lineStamp, matches, type LineFilter } from './log-line.js';

export interface ReadQuery extends LineFilter {
  /** Only the last N matching lines. Ignored when resuming `after` an event id. */
  tail?: number;
  /** Resume: only lines after this event id. */
  after?: EventId;
}

/** Where read lines go: `line` queues, `flush` sends and waits while the client is behind. */
export interface LineSink {
  line(line: string, id: string): void;
  flush(): Promise<void>;
  /** True once the client has gone: reading stops. */
  readonly closed: boolean;
}

const NEWLINE = 10;
const CHUNK = 256 * 1024;

function readAt(fd: number, buf: Buffer, position: number, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    read(fd, buf, 0, length, position, (err, n) => (err ? reject(err) : resolve(n)));
  });
}

async function* currentChunks(fd: number, limit: number): AsyncGenerator<Buffer> {
  let pos = 0;
  while (pos < limit) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit - pos));
    const n = await readAt(fd, buf, pos, buf.length);
    if (n === 0) return;
    pos += n;
    yield buf.subarray(0, n);
  }
}

/** Opens an archive; it may have been compressed (X.log → X.log.gz) or pruned since listing. */
function openArchive(
  dir: string,
  base: string,
  compressed: boolean,
): { fd: number; gz: boolean } | undefined {
  const tries = compressed ? [true] : [false, true];
  for (const gz of tries) {
    try {
      return { fd: openSync(join(dir, `${base}.log${gz ? '.gz' : ''}`), 'r'), gz };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return undefined;
}

async function* fileChunks(file: LogFile): AsyncGenerator<Buffer> {
  if (file.kind === 'current') {
    yield* currentChunks(file.fd, file.limit);
    return;
  }
  const opened = openArchive(file.dir, file.base, file.compressed);
  if (!opened) return;
  const raw = createReadStream('', { fd: opened.fd, highWaterMark: CHUNK });
  const source = opened.gz ? raw.pipe(createGunzip()) : raw;
  try {
    for await (const chunk of source) yield chunk as Buffer;
  } finally {
    raw.destroy();
  }
}

/** The complete lines of a file (without '\n'), a batch per chunk read. */
export async function* fileLines(file: LogFile): AsyncGenerator<string[]> {
  let carry: Buffer | null = null;
  for await (const chunk of fileChunks(file)) {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last === -1) {
      carry = carry ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
      continue;
    }
    const head: Buffer = carry
      ? Buffer.concat([carry, chunk.subarray(0, last)])
      : chunk.subarray(0, last);
    carry = last + 1 < chunk.length ? Buffer.from(chunk.subarray(last + 1)) : null;
    yield head.toString('utf8').split('\n');
  }
}

/** Which files can hold lines inside the time bounds (archives are named by rotation time). */
function fileRange(files: LogFile[], q: ReadQuery): { first: number; last: number } {
  const lower =
    q.after && (q.since === undefined || q.after.stamp > q.since) ? q.after.stamp : q.since;
  let first = 0;
  if (lower !== undefined) {
    while (first < files.length) {
      const f = files[first];
      if (f?.kind === 'archive' && f.stamp < lower) first++;
      else break;
    }
  }
  let last = files.length - 1;
  if (q.until !== undefined) {
    for (let i = first + 1; i < files.length; i++) {
      const prev = files[i - 1];
      // Lines of file i are newer than the archive before it.
      if (prev?.kind === 'archive' && prev.stamp >= q.until) {
        last = i - 1;
        break;
      }
    }
  }
  return { first, last };
}

async function countMatches(file: LogFile, q: ReadQuery): Promise<number> {
  let n = 0;
  for await (const lines of fileLines(file)) for (const l of lines) if (matches(l, q)) n++;
  return n;
}

/**
 * Sends the matching lines of `files` (oldest first) to `sink`, numbering every line with
 * `counter` so a follow can continue the numbering. With `tail`, the files are first counted
 * newest first to find where the last N matches start.
 */
export async function readHistory(
  files: LogFile[],
  q: ReadQuery,
  counter: EventIdCounter,
  sink: LineSink,
): Promise<void> {
  const range = fileRange(files, q);
  const last = range.last;
  let first = range.first;
  let skip = 0;
  let warmup = first;
  if (q.tail !== undefined && q.after === undefined) {
    let total = 0;
    let start = last + 1;
    for (let i = last; i >= first && total < q.tail; i--) {
      const f = files[i];
      if (!f) continue;
      total += await countMatches(f, q);
      start = i;
    }
    skip = Math.max(0, total - q.tail);
    first = start;
    // Numbering must see the file before too: a batch of lines can straddle a rotation.
    warmup = Math.max(0, first - 1);
  }
  for (let i = warmup; i <= last && !sink.closed; i++) {
    const f = files[i];
    if (!f) continue;
    for await (const lines of fileLines(f)) {
      for (const line of lines) {
        const id = counter.next(line);
        if (i < first) continue;
        if (q.until !== undefined && lineStamp(line) > q.until) {
          await sink.flush();
          return;
        }
        if (q.after !== undefined && !counter.isAfter(q.after)) continue;
        if (!matches(line, q)) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        sink.line(line, id);
      }
      await sink.flush();
      if (sink.closed) return;
    }
  }
}
