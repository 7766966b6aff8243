import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DroverError } from '@drover/contracts';
import { resolveAccount } from './accounts.js';

describe('resolveAccount', () => {
  it('is a clear error when not root', () => {
    assert.throws(
      () => resolveAccount('web', { user: 'nobody', group: undefined }, false),
      (err: unknown) =>
        err instanceof DroverError && err.code === 'needs-root' && err.status === 400,
    );
  });
  it('resolves users and groups through getent', () => {
    assert.deepEqual(resolveAccount('web', { user: 'nobody', group: 'root' }, true), {
      user: 'nobody',
      uid: 65534,
      gid: 0,
      home: '/nonexistent',
    });
    assert.equal(resolveAccount('web', { user: undefined, group: undefined }, true), undefined);
  });
});
