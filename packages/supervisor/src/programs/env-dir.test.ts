import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir } from '@drover/contracts/testing';
import { applyEnvDir } from './env-dir.js';

describe('applyEnvDir (daemontools envdir)', () => {
  const tmp = tempDir();
  after(() => tmp.remove());

  it('sets the first line, trims trailing whitespace, removes on empty file', () => {
    const dir = join(tmp.path, 'env');
    mkdirSync(dir);
    writeFileSync(join(dir, 'A'), 'first line  \t\nsecond line\n');
    writeFileSync(join(dir, 'B'), 'x\0y');
    writeFileSync(join(dir, 'GONE'), '');
    writeFileSync(join(dir, 'BLANK'), '\n');
    const env: Record<string, string> = { GONE: 'was here', KEEP: 'k' };
    applyEnvDir(dir, env);
    assert.deepEqual(env, { A: 'first line', B: 'x\ny', BLANK: '', KEEP: 'k' });
  });
});
