import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AppLayout } from '../layout/app-layout.js';

/**
 * Points `current` at a release the atomic way: a new symlink under a temporary name, then
 * rename(2) over `current`. A reader resolving `current` sees the old release or the new one,
 * never nothing. The target is relative (`releases/<id>`), so the app dir can be moved.
 */
export function switchCurrent(layout: AppLayout, id: string): void {
  const tmp = join(layout.dir, `.current.${process.pid}.${randomBytes(4).toString('hex')}`);
  symlinkSync(relative(layout.dir, layout.release(id)), tmp);
  try {
    renameSync(tmp, layout.current);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
