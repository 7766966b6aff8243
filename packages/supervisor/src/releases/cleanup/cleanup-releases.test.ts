import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReleaseRecord } from '../state/app-state-store.js';
import { releasesToRemove, rollbackTarget } from './cleanup-releases.js';

const rec = (bad = false) => ({ bad }) as ReleaseRecord;

describe('cleanup selection', () => {
  const ids = ['01', '02', '03', '04', '05'];

  it('keeps the newest `keep`, current and the newest good release before current', () => {
    const releases = { '01': rec(), '02': rec(), '03': rec(true), '04': rec(), '05': rec() };
    assert.deepEqual(releasesToRemove(ids, '05', { releases }, 2), {
      remove: ['01', '02', '03'],
      kept: ['04', '05'],
    });
    // Current is old (a rollback): it stays, and so does the good one before it.
    assert.deepEqual(releasesToRemove(ids, '03', { releases }, 1), {
      remove: ['01', '04'],
      kept: ['02', '03', '05'],
    });
    assert.equal(rollbackTarget(ids, '04', { releases }), '02', 'skips the bad 03');
    assert.deepEqual(releasesToRemove(ids, undefined, { releases }, 10).remove, []);
  });
});
