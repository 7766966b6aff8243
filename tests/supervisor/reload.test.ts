import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir, waitFor } from '@drover/contracts/testing';
import type { ProgramSpecInput } from '@drover/supervisor';
import {
  alive,
  killTagged,
  program,
  startService,
  taggedPids,
  waitState,
  writeConfig,
  type Service,
} from './helpers.js';

const sleeper = (extra: Partial<ProgramSpecInput> = {}): ProgramSpecInput => ({
  command: ['sleep', '1000'],
  start_secs: '100ms',
  stop_timeout: '500ms',
  ...extra,
});

describe('config reload (POST /v1/reload and SIGHUP)', () => {
  const dir = tempDir('drover-reload-');
  const root = join(dir.path, 'root');
  let service: Service | undefined;
  after(async () => {
    await service?.child.stop('SIGKILL');
    killTagged(root);
    dir.remove();
  });

  it('keeps unchanged pids, restarts changed, stops removed, starts added, leaves API programs alone', async () => {
    const file = writeConfig(dir.path, {
      programs: { same: sleeper(), changed: sleeper(), removed: sleeper() },
    });
    const s = await startService(file);
    service = s;
    const running = (name: string) =>
      waitState(s.api, name, (p) => p.state === 'RUNNING', 'RUNNING');
    const same = await running('same');
    const changed = await running('changed');
    const removed = await running('removed');
    const put = await s.api.PUT('/v1/programs/{name}', {
      params: { path: { name: 'from-api' } },
      body: sleeper(),
    });
    assert.equal(put.response.status, 201);
    const fromApi = await running('from-api');

    writeConfig(dir.path, {
      programs: {
        same: sleeper(),
        changed: sleeper({ environment: { NEW: '1' } }),
        added: sleeper(),
      },
    });
    const { data } = await s.api.POST('/v1/reload');
    assert.deepEqual(data, {
      added: ['added'],
      changed: ['changed'],
      removed: ['removed'],
      unchanged: ['same'],
    });
    assert.equal((await program(s.api, 'same')).pid, same.pid);
    assert.equal((await program(s.api, 'from-api')).pid, fromApi.pid);
    const changedNow = await running('changed');
    assert.notEqual(changedNow.pid, changed.pid);
    assert.ok(!alive(changed.pid!));
    assert.ok(!alive(removed.pid!));
    const gone = await s.api.GET('/v1/programs/{name}', { params: { path: { name: 'removed' } } });
    assert.equal(gone.response.status, 404);
    await running('added');
    assert.deepEqual(taggedPids(root, 'changed'), [changedNow.pid]);
  });

  it('SIGHUP reloads too', async () => {
    const s = service;
    assert.ok(s);
    const same = await program(s.api, 'same');
    writeConfig(dir.path, { programs: { same: sleeper(), hup: sleeper() } });
    process.kill(s.child.pid, 'SIGHUP');
    await waitState(s.api, 'hup', (p) => p.state === 'RUNNING', 'RUNNING');
    await waitFor('removed programs to go', async () => {
      const { data } = await s.api.GET('/v1/programs');
      return data?.programs.map((p) => p.name).join(',') === 'from-api,hup,same';
    });
    assert.equal((await program(s.api, 'same')).pid, same.pid);
  });

  it('a config with an error changes nothing and answers 400', async () => {
    const s = service;
    assert.ok(s);
    writeConfig(dir.path, {
      programs: {
        same: sleeper(),
        hup: sleeper(),
        bad: { command: ['x'], user: 'no-such-user-here' },
      },
    });
    const r = await s.api.POST('/v1/reload');
    assert.equal(r.response.status, 400);
    assert.equal(r.error?.code, 'unknown-user');
    const { data } = await s.api.GET('/v1/programs');
    assert.equal(data?.programs.length, 3);
  });
});

describe('reload of a file that does not validate', () => {
  it('answers 400 invalid-config and keeps everything', async () => {
    const dir = tempDir('drover-reload-bad-');
    const root = join(dir.path, 'root');
    const file = writeConfig(dir.path, { programs: { a: sleeper() } });
    const s = await startService(file);
    try {
      const a = await waitState(s.api, 'a', (p) => p.state === 'RUNNING', 'RUNNING');
      writeConfig(dir.path, {
        programs: { a: { ...sleeper(), autorestart: 'sometimes' } as never },
      });
      const r = await s.api.POST('/v1/reload');
      assert.equal(r.response.status, 400);
      assert.equal(r.error?.code, 'invalid-config');
      assert.match(r.error?.detail ?? '', /programs\.a\.autorestart/);
      assert.equal((await program(s.api, 'a')).pid, a.pid);
    } finally {
      await s.child.stop('SIGKILL');
      killTagged(root);
      dir.remove();
    }
  });
});
