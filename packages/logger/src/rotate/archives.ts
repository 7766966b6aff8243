import { createReadStream, createWriteStream, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { parseArchiveName, type ArchiveName } from './archive-name.js';

/**
 * The archives of one program directory, oldest first. While an archive is being compressed both
 * `X.log` and `X.log.gz` exist: the plain one counts (it is complete; the `.gz` may not be yet).
 */
export function listArchives(dir: string): ArchiveName[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  const byBase = new Map<string, ArchiveName>();
  for (const f of files) {
    const a = parseArchiveName(f);
    if (!a) continue;
    const seen = byBase.get(a.base);
    if (!seen || (seen.compressed && !a.compressed)) byBase.set(a.base, a);
  }
  return [...byBase.values()].sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

/** Removes the oldest archives until at most `keep` remain; returns how many went. */
export function pruneArchives(dir: string, keep: number): number {
  const archives = listArchives(dir);
  const extra = archives.length - keep;
  for (let i = 0; i < extra; i++) {
    const a = archives[i];
    if (!a) continue;
    unlinkQuietly(join(dir, `${a.base}.log`));
    unlinkQuietly(join(dir, `${a.base}.log.gz`));
  }
  return Math.max(0, extra);
}

/**
 * Gzips `X.log` into `X.log.gz` through a temporary file, then removes `X.log`: at every moment
 * one complete copy exists under an archive name.
 */
export async function compressArchive(dir: string, base: string): Promise<void> {
  const src = join(dir, `${base}.log`);
  const tmp = join(dir, `${base}.log.gz.tmp`);
  try {
    await pipeline(createReadStream(src), createGzip({ level: 6 }), createWriteStream(tmp));
    renameSync(tmp, join(dir, `${base}.log.gz`));
    unlinkQuietly(src);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Archives left plain by a logger stopped mid-compression (or run without compress before). */
export function uncompressedArchives(dir: string): string[] {
  return listArchives(dir)
    .filter((a) => !a.compressed)
    .map((a) => a.base);
}
