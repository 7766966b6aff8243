import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { coerceError, type Log } from '@drover/contracts';
import { formatMicros, TIMESTAMP_LENGTH, type Clock } from '../clock/timestamp-clock.js';
import type { RotatePolicy } from '../config/logger-config.js';
import type { WriterMetrics } from '../metrics/logger-metrics.js';
import { archiveBase, CURRENT_FILE } from '../rotate/archive-name.js';
import { compressArchive, pruneArchives, uncompressedArchives } from '../rotate/archives.js';
import type { LogFs } from '../storage/log-fs.js';
import { loggerErrors } from '../errors.js';
import type { Stream } from './stream.js';

/** Bytes just written to `current`; `data` is only valid during the call (copy to keep it). */
export interface WrittenChunk {
  /** Changes whenever `current` is (re)opened, e.g. after a rotation. */
  generation: number;
  /** Offset in `current` of data[0]. */
  start: number;
  data: Buffer;
}

export interface ProgramWriterDeps {
  program: string;
  dir: string;
  /** Read on every use, so a reloaded config applies without a restart. */
  policy: () => RotatePolicy;
  maxLine: () => number;
  retryMs: () => number;
  clock: Clock;
  fs: LogFs;
  log: Log;
  metrics: WriterMetrics;
}

export interface CurrentSnapshot {
  generation: number;
  /** Bytes of `current` whose write has completed. */
  size: number;
}

interface Waiter {
  mark: number;
  resolve: () => void;
  reject?: (err: Error) => void;
}

const NEWLINE = 10;
const INITIAL_BUFFER = 1 << 20;
/** A write buffer grown past this by a burst is not kept for reuse. */
const MAX_SPARE = 8 << 20;

/** Keeps the first byte of a UTF-8 sequence at `cut` so a split never breaks a character. */
function utf8Boundary(src: Buffer, start: number, cut: number): number {
  let c = cut;
  while (c > start + 1 && ((src[c] ?? 0) & 0xc0) === 0x80) c--;
  return c;
}

/**
 * The one writer of a program's log directory, shared by every ingest path. Lines are stamped
 * and copied into a large buffer as they arrive; one write at a time drains it to `current`, so
 * writes grow with the load. Rotation happens between writes, on a line boundary. A failing write
 * marks the writer degraded and is retried from where it stopped; nothing is dropped.
 */
export class ProgramWriter {
  readonly program: string;
  readonly dir: string;
  private readonly deps: ProgramWriterDeps;

  private buf: Buffer = Buffer.allocUnsafe(INITIAL_BUFFER);
  private len = 0;
  private spare: Buffer | null = null;
  private readonly prefix = Buffer.allocUnsafe(64);

  private accepted = 0;
  private written = 0;
  private linesAccepted = 0;
  private readonly markEnds: number[] = [];
  private readonly markLines: number[] = [];
  private markHead = 0;
  private linesCounted = 0;
  private waiters: Waiter[] = [];
  private lowWaters: Waiter[] = [];

  private fd = -1;
  private size = 0;
  private generation = 0;
  private firstLineMicros: number | null = null;
  private ageTimer: NodeJS.Timeout | null = null;
  private rotateWanted = false;
  private rotateWaiters: ((archive: string | null) => void)[] = [];
  private draining = false;
  private aborted = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryWake: (() => void) | null = null;
  private compressing: Promise<void> = Promise.resolve();
  private syncing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(chunk: WrittenChunk) => void>();

  /** Why writing fails right now, or null when it does not. */
  degraded: string | null = null;

  constructor(deps: ProgramWriterDeps) {
    this.deps = deps;
    this.program = deps.program;
    this.dir = deps.dir;
    this.tryOpen();
    if (this.deps.policy().compress) this.compressLeftovers();
  }

  /** Bytes accepted but not yet written. */
  get pending(): number {
    return this.accepted - this.written;
  }

  /**
   * Stamps and queues `src[start, end)`: lines separated by '\n' (a missing final '\n' is added).
   * Lines longer than max_line become several records, all but the last tagged `<stream>+`.
   * Returns the mark to pass to `whenWritten`.
   */
  appendLines(stream: Stream, src: Buffer, start: number, end: number): number {
    if (end <= start) return this.accepted;
    const ts = formatMicros(this.deps.clock.next());
    const plen = this.prefix.write(`${ts} ${stream} `, 0, 'latin1');
    const maxLine = this.deps.maxLine();
    const before = this.len;
    let lines = 0;
    let pos = start;
    while (pos < end) {
      let nl = src.indexOf(NEWLINE, pos);
      if (nl === -1 || nl >= end) nl = end;
      if (nl - pos > maxLine) {
        lines += this.appendSplit(ts, stream, src, pos, nl, false);
      } else {
        this.reserve(plen + nl - pos + 1);
        this.prefix.copy(this.buf, this.len, 0, plen);
        this.len += plen;
        this.len += src.copy(this.buf, this.len, pos, nl);
        this.buf[this.len++] = NEWLINE;
        lines++;
      }
      pos = nl + 1;
    }
    return this.accepted_(lines, this.len - before);
  }

  /** Queues a block of text (an HTTP body): what it added, and the mark to wait for. */
  appendText(stream: Stream, body: Buffer): { mark: number; lines: number; bytes: number } {
    const lines = this.linesAccepted;
    const bytes = this.accepted;
    const mark = this.appendLines(stream, body, 0, body.length);
    return { mark, lines: this.linesAccepted - lines, bytes: this.accepted - bytes };
  }

  /** Queues one part of a line whose end has not arrived: tagged `<stream>+` (continued). */
  appendPartial(stream: Stream, src: Buffer, start: number, end: number): number {
    if (end <= start) return this.accepted;
    const ts = formatMicros(this.deps.clock.next());
    const before = this.len;
    const parts = this.appendSplit(ts, stream, src, start, end, true);
    return this.accepted_(parts, this.len - before);
  }

  private appendSplit(
    ts: string,
    stream: Stream,
    src: Buffer,
    start: number,
    end: number,
    lastContinues: boolean,
  ): number {
    const maxLine = this.deps.maxLine();
    let parts = 0;
    let pos = start;
    while (pos < end) {
      const cut = end - pos > maxLine ? utf8Boundary(src, pos, pos + maxLine) : end;
      const continues = cut < end || lastContinues;
      const plen = this.prefix.write(`${ts} ${stream}${continues ? '+' : ''} `, 0, 'latin1');
      this.reserve(plen + cut - pos + 1);
      this.prefix.copy(this.buf, this.len, 0, plen);
      this.len += plen;
      this.len += src.copy(this.buf, this.len, pos, cut);
      this.buf[this.len++] = NEWLINE;
      parts++;
      pos = cut;
    }
    return parts;
  }

  private accepted_(lines: number, bytes: number): number {
    this.accepted += bytes;
    this.linesAccepted += lines;
    this.markEnds.push(this.accepted);
    this.markLines.push(this.linesAccepted);
    this.kick();
    return this.accepted;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }

  /** Resolves once every byte up to `mark` is in the file. */
  whenWritten(mark: number): Promise<void> {
    if (this.written >= mark) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ mark, resolve, reject }));
  }

  /** Resolves once fewer than `bytes` wait to be written (ingest pauses its reads until then). */
  whenBelow(bytes: number): Promise<void> {
    if (this.pending < bytes) return Promise.resolve();
    return new Promise((resolve) => this.lowWaters.push({ mark: bytes, resolve }));
  }

  /** Everything accepted so far is written. */
  flush(): Promise<void> {
    return this.whenWritten(this.accepted);
  }

  /** Rotates `current` (unless empty) after the write in progress; resolves with the archive. */
  rotate(): Promise<string | null> {
    return new Promise((resolve) => {
      this.rotateWaiters.push(resolve);
      this.rotateWanted = true;
      this.kick();
    });
  }

  subscribe(listener: (chunk: WrittenChunk) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What of `current` is complete right now; taken in the same tick as subscribing. */
  snapshot(): CurrentSnapshot {
    return { generation: this.generation, size: this.size };
  }

  /** The rotation policy changed (config reload): re-arm the age timer. */
  policyChanged(): void {
    this.armAgeTimer();
    this.kick();
  }

  /** Gives up on what is still buffered (a stop that timed out); returns the bytes dropped. */
  abort(): number {
    this.aborted = true;
    this.wakeRetry();
    const dropped = this.pending;
    if (dropped > 0) this.deps.metrics.dropped(dropped);
    return dropped;
  }

  /** Closes `current` once nothing is left to write; waits for a running compression. */
  async close(): Promise<void> {
    this.aborted = true;
    this.wakeRetry();
    if (this.ageTimer) clearTimeout(this.ageTimer);
    await this.compressing;
    await this.syncing;
    if (this.fd >= 0 && !this.draining) {
      this.closeFd();
    }
    // Whoever still waits for a write will not get it: an HTTP writer learns it failed.
    for (const w of this.waiters) w.reject?.(loggerErrors.notWritten(this.program));
    for (const w of this.lowWaters) w.resolve();
    this.waiters = [];
    this.lowWaters = [];
  }

  private closeFd(): void {
    try {
      this.deps.fs.close(this.fd);
    } catch {
      /* nothing left to do with it */
    }
    this.fd = -1;
  }

  private kick(): void {
    if (this.draining || this.aborted) return;
    if (this.len === 0 && !this.rotateWanted) return;
    this.draining = true;
    void this.drain()
      .catch((err: unknown) => {
        this.deps.log.error({ err: coerceError(err), program: this.program }, 'writer failed');
      })
      .finally(() => {
        this.draining = false;
        if (this.aborted && this.fd >= 0) this.closeFd();
        else this.kick();
      });
  }

  private async drain(): Promise<void> {
    while ((this.len > 0 || this.rotateWanted) && !this.aborted) {
      if (!this.tryOpen()) {
        await this.retryDelay();
        continue;
      }
      const policy = this.deps.policy();
      if (this.rotateWanted || this.isTooOld(policy)) {
        if (!this.rotateNow(policy)) await this.retryDelay();
        continue;
      }
      const out = this.buf;
      const n = this.len;
      this.buf = this.spare ?? Buffer.allocUnsafe(INITIAL_BUFFER);
      this.spare = null;
      this.len = 0;
      let off = 0;
      while (off < n && !this.aborted) {
        if (!this.tryOpen()) {
          await this.retryDelay();
          continue;
        }
        const room = this.deps.policy().maxBytes - this.size;
        let end = n;
        if (n - off > room) {
          const k = room > 0 ? out.lastIndexOf(NEWLINE, off + room - 1) : -1;
          if (k >= off) {
            end = k + 1;
          } else if (this.size > 0) {
            if (!this.rotateNow(this.deps.policy())) await this.retryDelay();
            continue;
          } else {
            // One record larger than max_bytes: it gets a file of its own.
            const nl = out.indexOf(NEWLINE, off);
            end = nl === -1 ? n : nl + 1;
          }
        }
        off = await this.writeFully(out, off, end);
      }
      if (out.length <= MAX_SPARE) this.spare = out;
    }
  }

  /** Writes `out[off, end)`, retrying failures; returns how far it got (end unless aborted). */
  private async writeFully(out: Buffer, off: number, end: number): Promise<number> {
    let at = off;
    while (at < end && !this.aborted) {
      if (!this.tryOpen()) {
        await this.retryDelay();
        continue;
      }
      try {
        const n = await this.deps.fs.write(this.fd, out, at, end - at);
        this.onWritten(out, at, n);
        at += n;
        this.recovered();
      } catch (err) {
        this.failed(err, 'write');
        // Reopen on retry: the file may have been removed or its fd gone bad.
        this.closeFd();
        await this.retryDelay();
      }
    }
    return at;
  }

  private onWritten(out: Buffer, at: number, n: number): void {
    const start = this.size;
    this.size += n;
    if (start === 0 && n > 0) {
      this.firstLineMicros = Date.now() * 1000;
      this.armAgeTimer();
    }
    this.written += n;
    this.deps.metrics.bytesWritten(n);
    if (this.listeners.size > 0) {
      const chunk = { generation: this.generation, start, data: out.subarray(at, at + n) };
      for (const l of this.listeners) l(chunk);
    }
    let lines = this.linesCounted;
    while (
      this.markHead < this.markEnds.length &&
      (this.markEnds[this.markHead] ?? 0) <= this.written
    ) {
      lines = this.markLines[this.markHead] ?? lines;
      this.markHead++;
    }
    if (this.markHead > 4096) {
      this.markEnds.splice(0, this.markHead);
      this.markLines.splice(0, this.markHead);
      this.markHead = 0;
    }
    if (lines > this.linesCounted) {
      this.deps.metrics.linesWritten(lines - this.linesCounted);
      this.linesCounted = lines;
    }
    if (this.waiters.length > 0 && (this.waiters[0]?.mark ?? Infinity) <= this.written) {
      const done = this.waiters.filter((w) => w.mark <= this.written);
      this.waiters = this.waiters.filter((w) => w.mark > this.written);
      for (const w of done) w.resolve();
    }
    if (this.lowWaters.length > 0) {
      const done = this.lowWaters.filter((w) => this.pending < w.mark);
      this.lowWaters = this.lowWaters.filter((w) => this.pending >= w.mark);
      for (const w of done) w.resolve();
    }
  }

  private isTooOld(policy: RotatePolicy): boolean {
    return (
      policy.maxAgeMs !== null &&
      this.size > 0 &&
      this.firstLineMicros !== null &&
      Date.now() - this.firstLineMicros / 1000 >= policy.maxAgeMs
    );
  }

  private armAgeTimer(): void {
    if (this.ageTimer) clearTimeout(this.ageTimer);
    this.ageTimer = null;
    const maxAge = this.deps.policy().maxAgeMs;
    if (maxAge === null || this.firstLineMicros === null || this.size === 0) return;
    const due = Math.max(0, this.firstLineMicros / 1000 + maxAge - Date.now());
    this.ageTimer = setTimeout(() => {
      this.ageTimer = null;
      this.rotateWanted = true;
      this.kick();
    }, due);
    this.ageTimer.unref();
  }

  private get currentPath(): string {
    return join(this.dir, CURRENT_FILE);
  }

  /** Opens `current` if it is not open; false (and degraded) when that fails. */
  private tryOpen(): boolean {
    if (this.fd >= 0) return true;
    try {
      mkdirSync(this.dir, { recursive: true });
      this.fd = this.deps.fs.openAppend(this.currentPath);
      this.size = fstatSync(this.fd).size;
      this.generation++;
      this.firstLineMicros = this.size > 0 ? readFirstStamp(this.currentPath) : null;
      this.armAgeTimer();
      return true;
    } catch (err) {
      this.failed(err, 'open');
      return false;
    }
  }

  /** Renames `current` to a new archive and opens a fresh one; false (degraded) on failure. */
  private rotateNow(policy: RotatePolicy): boolean {
    if (this.size === 0) {
      this.finishRotation(null);
      return true;
    }
    const base = archiveBase(this.deps.clock.next());
    try {
      // Prune first, so that at no moment more than `keep` archives exist.
      pruneArchives(this.dir, Math.max(0, policy.keep - 1));
      renameSync(this.currentPath, join(this.dir, `${base}.log`));
      if (policy.keep === 0) pruneArchives(this.dir, 0);
    } catch (err) {
      this.failed(err, 'rotate');
      return false;
    }
    // The archive goes to the disk in the background while writing goes on in the new current.
    const archived = this.fd;
    this.fd = -1;
    this.syncing = this.syncing.then(() =>
      this.deps.fs
        .sync(archived)
        .catch((err: unknown) => {
          this.deps.log.warn({ err: coerceError(err), program: this.program }, 'fsync failed');
        })
        .finally(() => this.deps.fs.close(archived)),
    );
    this.size = 0;
    this.firstLineMicros = null;
    if (this.ageTimer) clearTimeout(this.ageTimer);
    this.deps.metrics.rotated();
    if (policy.compress) this.queueCompression(base);
    this.tryOpen();
    this.finishRotation(`${base}.log${policy.compress ? '.gz' : ''}`);
    return true;
  }

  private finishRotation(archive: string | null): void {
    this.rotateWanted = false;
    const waiters = this.rotateWaiters;
    this.rotateWaiters = [];
    for (const w of waiters) w(archive);
  }

  private queueCompression(base: string): void {
    this.compressing = this.compressing
      .then(() => compressArchive(this.dir, base))
      .catch((err: unknown) => {
        const e = coerceError(err) as NodeJS.ErrnoException;
        // An archive pruned while waiting for its turn is not a failure.
        if (e.code !== 'ENOENT') {
          this.deps.log.warn({ err: e, program: this.program, base }, 'compression failed');
        }
      });
  }

  private compressLeftovers(): void {
    for (const base of uncompressedArchives(this.dir)) this.queueCompression(base);
  }

  private failed(err: unknown, op: string): void {
    const e = coerceError(err) as NodeJS.ErrnoException;
    const code = e.code ?? 'EUNKNOWN';
    const reason = `${op} ${this.program}: ${code} (${e.message})`;
    this.deps.metrics.writeFailed(code);
    if (this.degraded === null) {
      this.deps.log.error({ program: this.program, op, code }, 'cannot write log; retrying');
    }
    this.degraded = reason;
  }

  private recovered(): void {
    if (this.degraded === null) return;
    this.deps.log.info({ program: this.program }, 'writing again');
    this.degraded = null;
  }

  private retryDelay(): Promise<void> {
    if (this.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.retryWake = resolve;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.retryWake = null;
        resolve();
      }, this.deps.retryMs());
    });
  }

  private wakeRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const wake = this.retryWake;
    this.retryWake = null;
    wake?.();
  }
}

/** The time of the first line of an existing `current` (for max_age), or now if unreadable. */
function readFirstStamp(path: string): number {
  const head = Buffer.alloc(TIMESTAMP_LENGTH);
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    readSync(fd, head, 0, TIMESTAMP_LENGTH, 0);
    const ms = Date.parse(head.toString('latin1'));
    if (Number.isNaN(ms)) return Date.now() * 1000;
    return ms * 1000 + Number(head.toString('latin1', 23, 26));
  } catch {
    return Date.now() * 1000;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}
