import { acquireSocketLock, type SocketLock } from '@drover/contracts';
import { supervisorErrors } from '../errors.js';

/** One supervisor per root: the lock is held for as long as the supervisor runs. */
export function acquireRootLock(path: string): Promise<SocketLock> {
  return acquireSocketLock(path, () => supervisorErrors.locked(path));
}
