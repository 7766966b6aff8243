import { closeSync, constants, fsync, openSync, write } from 'node:fs';

/**
 * The file operations a writer's data goes through. Production uses node:fs; a test can inject a
 * layer that fails (ENOSPC, EACCES) where it cannot mount a small file system.
 */
export interface LogFs {
  /** Opens a file for appending, creating it. Synchronous so a rotation happens in one tick. */
  openAppend(path: string): number;
  /** Writes bytes at the end of the file; resolves with how many were written. */
  write(fd: number, buffer: Buffer, offset: number, length: number): Promise<number>;
  /** Flushes a file to the disk (done to each archive at rotation, as multilog and s6-log do). */
  sync(fd: number): Promise<void>;
  close(fd: number): void;
}

const APPEND = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND;

export const nodeLogFs: LogFs = {
  openAppend: (path) => openSync(path, APPEND, 0o644),
  write: (fd, buffer, offset, length) =>
    new Promise((resolve, reject) => {
      write(fd, buffer, offset, length, null, (err, n) => (err ? reject(err) : resolve(n)));
    }),
  sync: (fd) =>
    new Promise((resolve, reject) => {
      fsync(fd, (err) => (err ? reject(err) : resolve()));
    }),
  close: (fd) => closeSync(fd),
};
