import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { releaseErrors } from '../release-errors.js';
import { checkRelativePath, resolveInside } from '../layout/safe-path.js';
import type { LineSink } from '../run/run-command.js';

export interface LinkedPaths {
  files: readonly string[];
  dirs: readonly string[];
}

/** Checks every linked path up front, so a bad one fails before anything is fetched. */
export function checkLinkedPaths(linked: LinkedPaths): LinkedPaths {
  return {
    files: linked.files.map((p) => checkRelativePath('linked_files entry', p)),
    dirs: linked.dirs.map((p) => checkRelativePath('linked_dirs entry', p)),
  };
}

/**
 * Capistrano's linked_dirs / linked_files: dirs are created under `shared/` if missing, files
 * must already be there (a missing one fails with its name); each is symlinked into the release,
 * replacing whatever the source had at that path.
 */
export function linkShared(
  linked: LinkedPaths,
  sharedDir: string,
  releaseDir: string,
  onLine: LineSink,
): void {
  for (const file of linked.files) {
    const target = resolveInside(sharedDir, file, 'linked_files entry');
    if (!existsSync(target) || lstatSync(target).isDirectory()) {
      throw releaseErrors.missingLinkedFile(file);
    }
  }
  for (const dir of linked.dirs) {
    mkdirSync(resolveInside(sharedDir, dir, 'linked_dirs entry'), { recursive: true });
  }
  for (const [kind, list] of [
    ['dir', linked.dirs],
    ['file', linked.files],
  ] as const) {
    for (const rel of list) {
      const target = resolveInside(sharedDir, rel);
      const link = resolveInside(releaseDir, rel);
      mkdirSync(dirname(link), { recursive: true });
      rmSync(link, { recursive: true, force: true });
      symlinkSync(target, link);
      onLine(`linked ${kind} ${rel} -> shared/${rel}`);
    }
  }
}
