import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@drover/contracts/testing';
import { startInProcess, waitState, type InProcess } from './helpers.js';

/** A program that dumps what it sees (env, umask, ids, cwd) into `out`, then waits. */
const dump = (out: string) => [
  '/bin/sh',
  '-c',
  `{ env; echo "UMASK=$(umask)"; echo "UID=$(id -u)"; echo "GID=$(id -g)"; echo "PWD=$(pwd)"; } > ${out}.tmp && mv ${out}.tmp ${out}; exec sleep 1000`,
];

function readDump(file: string): Promise<Map<string, string>> {
  return waitFor(`${file} to be written`, () => {
    try {
      const text = readFileSync(file, 'utf8');
      return new Map(
        text
          .split('\n')
          .filter((l) => l.includes('='))
          .map(
            (l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string],
          ),
      );
    } catch {
      return undefined;
    }
  });
}

describe('environment, env_dir, directory, umask, user', () => {
  let s: InProcess;
  let d: string;
  before(async () => {
    s = await startInProcess({});
    d = s.dir.path;
    const envDir = join(d, 'env');
    mkdirSync(envDir);
    writeFileSync(join(envDir, 'FROM_DIR'), 'dir value   \nignored second line\n');
    writeFileSync(join(envDir, 'OVERRIDDEN'), 'by env_dir\n');
    writeFileSync(join(envDir, 'REMOVED'), '');
    const work = join(d, 'work');
    mkdirSync(work);
    chmodSync(d, 0o755);
    chmodSync(work, 0o777);
    await s.sup.manager.define(
      'plain',
      {
        command: dump(join(d, 'plain.env')),
        start_secs: '50ms',
        environment: { GIVEN: 'yes', OVERRIDDEN: 'by environment', REMOVED: 'set' },
        env_dir: envDir,
        directory: work,
        umask: '027',
      },
      'api',
    );
    await s.sup.manager.define(
      'inherits',
      { command: dump(join(d, 'inherits.env')), start_secs: '50ms', inherit_env: true },
      'api',
    );
    await s.sup.manager.define(
      'nobody',
      {
        command: dump(join(work, 'nobody.env')),
        start_secs: '50ms',
        user: 'nobody',
        directory: work,
      },
      'api',
    );
  });
  after(async () => s.close());

  it('starts from PATH/HOME/USER/LANG, then environment, then env_dir (envdir semantics), then tags', async () => {
    const env = await readDump(join(d, 'plain.env'));
    assert.equal(env.get('GIVEN'), 'yes');
    assert.equal(env.get('FROM_DIR'), 'dir value', 'first line, trailing whitespace trimmed');
    assert.equal(env.get('OVERRIDDEN'), 'by env_dir');
    assert.equal(env.has('REMOVED'), false, 'an empty file removes the variable');
    assert.equal(env.get('DROVER_PROGRAM'), 'plain');
    assert.equal(env.get('PATH'), process.env['PATH']);
    assert.equal(env.has('NODE_OPTIONS') || env.has('npm_config_cache'), false);
    assert.equal(env.get('UMASK'), '0027');
    assert.equal(env.get('PWD'), join(d, 'work'));
  });

  it('inherit_env passes the supervisor environment through', async () => {
    const env = await readDump(join(d, 'inherits.env'));
    const someKey = Object.keys(process.env).find(
      (k) => !['PATH', 'HOME', 'USER', 'LANG', 'PWD', 'SHLVL', '_'].includes(k),
    );
    assert.ok(someKey);
    assert.equal(env.get(someKey), process.env[someKey]);
  });

  it('user drops privileges to that account', async () => {
    const env = await readDump(join(d, 'work', 'nobody.env'));
    assert.equal(env.get('UID'), '65534');
    assert.equal(env.get('USER'), 'nobody');
    const p = await waitState(s.api, 'nobody', (x) => x.state === 'RUNNING', 'RUNNING');
    assert.ok(p.pid);
  });

  it('an unknown user is a clear 400', async () => {
    const r = await s.api.PUT('/v1/programs/{name}', {
      params: { path: { name: 'ghost' } },
      body: { command: ['true'], user: 'no-such-user-xyz' },
    });
    assert.equal(r.response.status, 400);
    assert.equal(r.error?.code, 'unknown-user');
  });
});
