import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLog } from '@drover/contracts';
import { tempDir } from '@drover/contracts/testing';
import { AppStateStore } from '../state/app-state-store.js';
import { AppOperations } from './app-operations.js';

describe('app operations', () => {
  it('joins the same deploy, refuses others with 409, fences stale callers, frees the app', async () => {
    const dir = tempDir('drover-ops-');
    try {
      const ops = new AppOperations(
        new AppStateStore(dir.path),
        createLog('t', { level: 'silent' }),
      );
      const a = { deploy_id: 'a', who: 'me', fence: 3 };
      ops.checkFence('app', a);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const op = ops.start('app', a, 'prepare', '1', async (log) => {
        log.line('working');
        await gate;
        return 42;
      });
      assert.equal(ops.joinable('app', a, 'prepare', '1'), op);
      assert.throws(() => ops.joinable('app', a, 'publish', '1'), { code: 'app-busy' });
      assert.throws(() => ops.joinable('app', { ...a, deploy_id: 'b' }, 'prepare', '1'), {
        code: 'app-busy',
      });
      assert.equal(ops.joinable('other', a, 'prepare', '1'), undefined, 'apps are independent');
      assert.throws(() => ops.checkFence('app', { ...a, fence: 2 }), { code: 'stale-fence' });
      const seen: string[] = [];
      op.log.subscribe({ line: (l) => seen.push(l), done: () => seen.push('done') });
      release();
      assert.equal(await op.done, 42);
      assert.deepEqual(seen, ['working', 'done']);
      assert.equal(ops.joinable('app', { ...a, deploy_id: 'b' }, 'prepare', '1'), undefined);
      // The fence survives a restart (a new store reads it from disk).
      const again = new AppOperations(
        new AppStateStore(dir.path),
        createLog('t', { level: 'silent' }),
      );
      assert.throws(() => again.checkFence('app', { ...a, fence: 1 }), { code: 'stale-fence' });
    } finally {
      dir.remove();
    }
  });
});
