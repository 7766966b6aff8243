import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { droverArgv, startChild, tempDir } from '@drover/contracts/testing';
import { killTagged, startService, writeConfig, type Service } from './helpers.js';

describe('one supervisor per root', () => {
  const dir = tempDir('drover-lock-');
  let first: Service | undefined;
  after(async () => {
    await first?.child.stop('SIGTERM');
    killTagged(join(dir.path, 'root'));
    dir.remove();
  });

  it('a second supervisor on the same root refuses to start, and the first is untouched', async () => {
    const config = writeConfig(dir.path, {
      programs: { a: { command: ['sleep', '1000'], start_secs: '50ms' } },
    });
    first = await startService(config);
    const { command, args } = droverArgv('supervisor', '--config', config);
    const second = startChild(command, args);
    const result = await second.exited;
    assert.equal(result.code, 1);
    assert.match(second.output(), /another supervisor holds/);
    const health = await first.api.GET('/v1/health');
    assert.equal(health.data?.programs, 1);
  });
});
