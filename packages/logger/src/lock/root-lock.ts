import { acquireSocketLock, type SocketLock } from '@drover/contracts';
import { loggerErrors } from '../errors.js';

export type RootLock = SocketLock;

/** One logger per root: the lock is held for as long as the logger runs. */
export function acquireRootLock(path: string): Promise<RootLock> {
  return acquireSocketLock(path, () => loggerErrors.lockHeld(path));
}
