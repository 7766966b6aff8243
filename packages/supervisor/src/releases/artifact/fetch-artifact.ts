import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { coerceError, DroverError } from '@drover/contracts';
import { releaseErrors } from '../release-errors.js';
import { describeFailure, runCommand, type LineSink } from '../run/run-command.js';
import { refuseEntry, tarEntries } from './tar-entries.js';

export interface ArtifactContext {
  onLine: LineSink;
  signal?: AbortSignal;
  maxBytes: number;
  timeoutMs: number;
}

/** Counts and hashes what passes, and stops at the size limit. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.max) {
      done(releaseErrors.badArtifact(`artifact is larger than the limit of ${this.max} bytes`));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

async function openSource(url: URL, ctx: ArtifactContext): Promise<Readable> {
  if (url.protocol === 'file:') return createReadStream(fileURLToPath(url));
  const res = await fetch(url, { signal: ctx.signal, redirect: 'follow' });
  if (!res.ok || res.body === null) {
    throw releaseErrors.fetchFailed(`GET ${url.origin}${url.pathname} answered ${res.status}`);
  }
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > ctx.maxBytes) {
    throw releaseErrors.badArtifact(
      `artifact is ${length} bytes, larger than the limit of ${ctx.maxBytes} bytes`,
    );
  }
  return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
}

/** Downloads into `file` with a size limit; answers the bytes' sha256 and size. */
export async function downloadArtifact(
  ctx: ArtifactContext,
  rawUrl: string,
  file: string,
): Promise<{ sha256: string; size: number }> {
  const url = new URL(rawUrl);
  ctx.onLine(`fetching ${url.protocol}//${url.host}${url.pathname}`);
  const meter = new Meter(ctx.maxBytes);
  try {
    await pipeline(await openSource(url, ctx), meter, createWriteStream(file, { mode: 0o600 }), {
      signal: ctx.signal,
    });
  } catch (err) {
    if (err instanceof DroverError) throw err;
    throw releaseErrors.fetchFailed(`could not fetch the artifact: ${coerceError(err).message}`);
  }
  return { sha256: meter.hash.digest('hex'), size: meter.bytes };
}

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

export type ArtifactKind = 'tar' | 'tar.gz' | 'file';

export function artifactKind(rawUrl: string): ArtifactKind {
  const path = new URL(rawUrl).pathname.toLowerCase();
  if (path.endsWith('.tar.gz') || path.endsWith('.tgz')) return 'tar.gz';
  if (path.endsWith('.tar')) return 'tar';
  return 'file';
}

/** The name a non-archive artifact is stored under in the release. */
export function artifactFileName(rawUrl: string): string {
  const name = basename(decodeURIComponent(new URL(rawUrl).pathname));
  return /^[A-Za-z0-9._-]+$/.test(name) && name !== '.' && name !== '..' ? name : 'artifact';
}

/**
 * Reads every entry before anything is written: one that would land outside the release
 * (absolute, `..`, a link pointing out, a path through a link, a device) refuses the whole
 * archive.
 */
export async function checkArchive(file: string, gzip: boolean): Promise<number> {
  const raw = createReadStream(file);
  const stream: AsyncIterable<Buffer> = gzip ? raw.pipe(createGunzip()) : raw;
  const symlinks = new Set<string>();
  let count = 0;
  try {
    for await (const entry of tarEntries(stream)) {
      const why = refuseEntry(entry, symlinks);
      if (why !== undefined) throw releaseErrors.badArtifact(`archive refused: ${why}`);
      count += 1;
    }
  } catch (err) {
    if (err instanceof DroverError) throw err;
    throw releaseErrors.badArtifact(`archive is not readable: ${coerceError(err).message}`);
  } finally {
    raw.destroy();
  }
  return count;
}

/** Checks then unpacks a tar (gzip or not, whatever the name says) into `dest`. */
export async function unpackArchive(ctx: ArtifactContext, file: string, dest: string) {
  const gzip = isGzip(file);
  const count = await checkArchive(file, gzip);
  ctx.onLine(`unpacking ${count} entries`);
  const r = await runCommand(
    ['tar', '-x', ...(gzip ? ['-z'] : []), '--no-same-owner', '-C', dest, '-f', file],
    { onLine: ctx.onLine, timeoutMs: ctx.timeoutMs, signal: ctx.signal },
  );
  if (r.code !== 0) throw releaseErrors.badArtifact(describeFailure('tar -x', r));
}
