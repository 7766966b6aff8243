import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_FILE } from '../rotate/archive-name.js';
import { listArchives } from '../rotate/archives.js';

/** One file of a program's log, as a reader sees it. */
export type LogFile =
  | {
      kind: 'archive';
      dir: string;
      base: string;
      compressed: boolean;
      /** Rotation time (27-byte timestamp): every line inside is older. */
      stamp: string;
    }
  | {
      kind: 'current';
      /** Opened when the snapshot was taken, so a rotation cannot swap it underneath. */
      fd: number;
      /** Bytes to read: what was complete when the snapshot was taken. */
      limit: number;
    };

export interface LogSnapshot {
  /** Oldest first; `current` last. */
  files: LogFile[];
  /** Closes what the snapshot holds open. */
  release(): void;
}

/**
 * Lists a program's archives and opens `current` in one synchronous step: rotation also happens
 * in one synchronous step on this thread, so the list and the file agree (no line twice, none
 * missed). `currentLimit` is the writer's count of completed bytes when following, else the size.
 */
export function takeSnapshot(dir: string, currentLimit?: number): LogSnapshot {
  const files: LogFile[] = listArchives(dir).map((a) => ({
    kind: 'archive',
    dir,
    base: a.base,
    compressed: a.compressed,
    stamp: a.stamp,
  }));
  let fd = -1;
  try {
    fd = openSync(join(dir, CURRENT_FILE), 'r');
    files.push({ kind: 'current', fd, limit: currentLimit ?? fstatSync(fd).size });
  } catch {
    /* no current yet */
  }
  return {
    files,
    release: () => {
      if (fd >= 0) closeSync(fd);
      fd = -1;
    },
  };
}
