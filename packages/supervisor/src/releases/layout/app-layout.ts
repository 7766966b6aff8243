import { readdirSync, readlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isReleaseId } from '@drover/contracts';

/**
 * Capistrano's on-host layout of one app (DESIGN.md):
 * `<root>/apps/<app>/{releases/<id>, current -> releases/<id>, shared/, repo/, revisions.log}`,
 * plus `.staging/` where a prepare builds before its rename into `releases/`, and `.trash/`
 * where cleanup moves a release before deleting it (so a half-deleted one is never listed).
 */
export class AppLayout {
  readonly dir: string;
  readonly releasesDir: string;
  readonly current: string;
  readonly sharedDir: string;
  readonly repoDir: string;
  readonly revisionsLog: string;
  readonly stagingDir: string;
  readonly trashDir: string;

  constructor(
    readonly appsDir: string,
    readonly app: string,
  ) {
    this.dir = join(appsDir, app);
    this.releasesDir = join(this.dir, 'releases');
    this.current = join(this.dir, 'current');
    this.sharedDir = join(this.dir, 'shared');
    this.repoDir = join(this.dir, 'repo');
    this.revisionsLog = join(this.dir, 'revisions.log');
    this.stagingDir = join(this.dir, '.staging');
    this.trashDir = join(this.dir, '.trash');
  }

  release(id: string): string {
    return join(this.releasesDir, id);
  }

  staging(id: string): string {
    return join(this.stagingDir, id);
  }

  /** The release ids on disk, oldest first (ids are UTC timestamps, so they sort by age). */
  releaseIds(): string[] {
    try {
      return readdirSync(this.releasesDir).filter(isReleaseId).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  /** The release `current` points at, or undefined when there is none (yet). */
  currentId(): string | undefined {
    try {
      const id = basename(readlinkSync(this.current));
      return isReleaseId(id) ? id : undefined;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }
}

/** The apps with a directory under `<root>/apps`. */
export function listAppDirs(appsDir: string): string[] {
  try {
    return readdirSync(appsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
