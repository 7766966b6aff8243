import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppLayout } from '../layout/app-layout.js';
import type { LineSink } from '../run/run-command.js';
import type { AppState } from '../state/app-state-store.js';

/**
 * What cleanup keeps: the newest `keep`, plus `current`, plus the newest good (complete, not
 * bad) release older than `current` — the rollback target — whatever their age.
 */
export function releasesToRemove(
  ids: readonly string[],
  current: string | undefined,
  state: Pick<AppState, 'releases'>,
  keep: number,
): { remove: string[]; kept: string[] } {
  const sorted = [...ids].sort();
  const keepSet = new Set(sorted.slice(Math.max(0, sorted.length - keep)));
  if (current !== undefined) {
    keepSet.add(current);
    const target = rollbackTarget(sorted, current, state);
    if (target !== undefined) keepSet.add(target);
  }
  return {
    remove: sorted.filter((id) => !keepSet.has(id)),
    kept: sorted.filter((id) => keepSet.has(id)),
  };
}

/** The newest complete, non-bad release older than `current`. */
export function rollbackTarget(
  ids: readonly string[],
  current: string,
  state: Pick<AppState, 'releases'>,
): string | undefined {
  return [...ids]
    .sort()
    .reverse()
    .find((id) => id < current && state.releases[id] !== undefined && !state.releases[id].bad);
}

/**
 * Moves each release to `.trash/` (one rename: it is never listed half-deleted) and deletes it
 * there. Also clears staging leftovers: cleanup holds the app, so no prepare is running.
 */
export function removeReleases(layout: AppLayout, ids: readonly string[], onLine: LineSink): void {
  mkdirSync(layout.trashDir, { recursive: true });
  for (const id of ids) {
    const trash = join(layout.trashDir, `${id}.${process.pid}`);
    renameSync(layout.release(id), trash);
    rmSync(trash, { recursive: true, force: true });
    onLine(`removed release ${id}`);
  }
  rmSync(layout.trashDir, { recursive: true, force: true });
  rmSync(layout.stagingDir, { recursive: true, force: true });
}
