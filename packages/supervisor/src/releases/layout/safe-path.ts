import { isAbsolute, relative, resolve, sep } from 'node:path';
import { releaseErrors } from '../release-errors.js';

/**
 * Checks a path a request names inside a release (`linked_files`, `linked_dirs`): relative, no
 * `.` / `..` / empty components, no NUL. Answers the normalized form.
 */
export function checkRelativePath(what: string, path: string): string {
  const parts = path.split('/');
  const bad =
    path.length === 0 ||
    path.includes('\0') ||
    isAbsolute(path) ||
    parts.some((p, i) => p === '..' || p === '.' || (p === '' && i !== parts.length - 1));
  if (bad) throw releaseErrors.invalidPath(what, path);
  return parts.filter((p) => p !== '').join('/');
}

/** Whether `path` (resolved) is `root` itself or below it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** `root/rel`, refusing anything that would land outside `root`. */
export function resolveInside(root: string, rel: string, what = 'path'): string {
  const full = resolve(root, rel);
  if (!isInside(root, full) || full === resolve(root)) throw releaseErrors.invalidPath(what, rel);
  return full;
}
