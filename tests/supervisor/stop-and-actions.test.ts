import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@drover/contracts/testing';
import { alive, program, startInProcess, waitState, type InProcess } from './helpers.js';

function readPid(file: string): Promise<number> {
  return waitFor(`a pid in ${file}`, () => {
    try {
      const n = Number(readFileSync(file, 'utf8').trim());
      return n > 0 ? n : undefined;
    } catch {
      return undefined;
    }
  });
}

function groupEmpty(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('stop, actions and signals (real processes)', () => {
  let s: InProcess;
  let dir: string;
  before(async () => {
    s = await startInProcess({}, {});
    dir = s.dir.path;
    const define = async (name: string, spec: Parameters<typeof s.sup.manager.define>[1]) =>
      s.sup.manager.define(name, spec, 'api');
    await define('stubborn', {
      command: [
        '/bin/sh',
        '-c',
        `trap '' TERM; sleep 1000 & echo $! > ${join(dir, 'gc1')}; while :; do sleep 0.05; done`,
      ],
      start_secs: '100ms',
      stop_timeout: '500ms',
    });
    await define('leaver', {
      command: [
        '/bin/sh',
        '-c',
        `(trap '' TERM; exec sleep 1000) & echo $! > ${join(dir, 'gc2')}; exec sleep 1000`,
      ],
      start_secs: '100ms',
      stop_timeout: '500ms',
    });
    await define('svc', {
      command: `/bin/sh -c 'trap "echo got-hup >> ${join(dir, 'hup')}" HUP; while :; do sleep 0.05; done'`,
      start_secs: '100ms',
      stop_timeout: '2s',
    });
  });
  after(async () => s.close());

  it('a TERM-ignoring program and its grandchild are fully gone after stop_timeout', async () => {
    const p = await waitState(s.api, 'stubborn', (x) => x.state === 'RUNNING', 'RUNNING');
    const gc = await readPid(join(dir, 'gc1'));
    const t0 = Date.now();
    const { data } = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'stubborn', action: 'stop' } },
    });
    assert.equal(data?.reached, true);
    assert.equal(data?.program.state, 'STOPPED');
    assert.equal(data?.program.desired, 'down');
    assert.ok(Date.now() - t0 >= 450, 'waited for stop_timeout before SIGKILL');
    assert.ok(!alive(p.pid!) && !alive(gc), 'leader and grandchild are gone');
    assert.ok(groupEmpty(p.pid!), 'nothing left in the process group');
    assert.equal(data?.program.last_exit?.signal, 'SIGKILL');
  });

  it('a stop waits for group members that survive the leader', async () => {
    const p = await waitState(s.api, 'leaver', (x) => x.state === 'RUNNING', 'RUNNING');
    const gc = await readPid(join(dir, 'gc2'));
    const { data } = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'leaver', action: 'stop' } },
    });
    assert.equal(data?.program.state, 'STOPPED');
    assert.equal(data?.program.last_exit?.signal, 'SIGTERM');
    assert.ok(!alive(gc), 'the TERM-ignoring grandchild was killed');
    assert.ok(groupEmpty(p.pid!));
  });

  it('repeated calls are safe: stop on STOPPED and start on RUNNING answer 200 with the state', async () => {
    const again = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'stubborn', action: 'stop' } },
    });
    assert.equal(again.response.status, 200);
    assert.equal(again.data?.program.state, 'STOPPED');
    const up = await waitState(s.api, 'svc', (x) => x.state === 'RUNNING', 'RUNNING');
    const start = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'svc', action: 'start' } },
    });
    assert.equal(start.response.status, 200);
    assert.equal(start.data?.reached, true);
    assert.equal(start.data?.program.pid, up.pid);
  });

  it('signal reaches the process; restart gives a new pid', async () => {
    const before = await program(s.api, 'svc');
    const sig = await s.api.POST('/v1/programs/{name}/signal', {
      params: { path: { name: 'svc' } },
      body: { signal: 'HUP' },
    });
    assert.equal(sig.response.status, 200);
    await waitFor('the HUP trap to run', () => {
      try {
        return readFileSync(join(dir, 'hup'), 'utf8').includes('got-hup');
      } catch {
        return false;
      }
    });
    const r = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'svc', action: 'restart' } },
    });
    assert.equal(r.data?.reached, true);
    assert.equal(r.data?.program.state, 'RUNNING');
    assert.notEqual(r.data?.program.pid, before.pid);
    assert.ok(!alive(before.pid!));
  });

  it('409 when a different operation holds the program, 404 for an unknown one', async () => {
    const restarting = s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'svc', action: 'restart' } },
    });
    const stop = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'svc', action: 'stop' } },
    });
    assert.equal(stop.response.status, 409);
    assert.equal(stop.error?.code, 'program-busy');
    const joined = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'svc', action: 'restart' } },
    });
    assert.equal(joined.response.status, 200, 'the same operation repeated joins it');
    assert.equal((await restarting).response.status, 200);
    const missing = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'nope', action: 'start' } },
    });
    assert.equal(missing.response.status, 404);
    assert.equal(missing.error?.code, 'unknown-program');
    const sigStopped = await s.api.POST('/v1/programs/{name}/signal', {
      params: { path: { name: 'stubborn' } },
      body: { signal: 'HUP' },
    });
    assert.equal(sigStopped.response.status, 409);
  });

  it('once runs the program and does not restart it', async () => {
    await s.sup.manager.define(
      'oneshot',
      { command: ['/bin/sh', '-c', 'sleep 0.2; exit 1'], start_secs: '50ms', autostart: false },
      'api',
    );
    const r = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'oneshot', action: 'once' }, query: { wait: '5s' } },
    });
    assert.equal(r.data?.program.desired, 'once');
    const done = await waitState(s.api, 'oneshot', (x) => x.state === 'EXITED', 'EXITED');
    assert.equal(done.last_exit?.code, 1);
    assert.equal(done.restarts, 0);
  });
});

describe('holding programs for an operation (what a release publish uses)', () => {
  it('answers 409 to others while held, lets the holder act, and frees on release', async () => {
    const s = await startInProcess({ held: { command: ['sleep', '1000'], start_secs: '50ms' } });
    try {
      const before = await waitState(s.api, 'held', (x) => x.state === 'RUNNING', 'RUNNING');
      const release = s.sup.manager.hold(['held'], 'publish');
      assert.throws(() => s.sup.manager.hold(['held'], 'other'), /held by 'publish'/);
      const other = await s.api.POST('/v1/programs/{name}/{action}', {
        params: { path: { name: 'held', action: 'restart' } },
      });
      assert.equal(other.response.status, 409);
      assert.equal((other.error as { holder?: string } | undefined)?.holder, 'publish');
      const own = await s.sup.manager.act('held', 'restart', 5000, { operation: 'publish' });
      assert.equal(own.reached, true);
      assert.notEqual(own.program.pid, before.pid);
      release();
      const free = await s.api.POST('/v1/programs/{name}/{action}', {
        params: { path: { name: 'held', action: 'stop' } },
      });
      assert.equal(free.response.status, 200);
    } finally {
      await s.close();
    }
  });
});
