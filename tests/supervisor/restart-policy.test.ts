import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@drover/contracts/testing';
import { alive, program, startInProcess, waitState, type InProcess } from './helpers.js';

describe('restart policy (real processes)', () => {
  let s: InProcess;
  before(async () => {
    s = await startInProcess({
      crashloop: {
        command: ['/bin/sh', '-c', 'exit 3'],
        start_secs: '300ms',
        start_retries: 3,
        backoff: { initial: '100ms', factor: 2, max: '1s' },
      },
      longrun: { command: ['sleep', '1000'], start_secs: '100ms' },
      missing: {
        command: ['/nonexistent/bin/daemon'],
        start_secs: '100ms',
        start_retries: 1,
        backoff: { initial: '50ms' },
      },
      noenvdir: {
        command: ['sleep', '1000'],
        env_dir: '/nonexistent/env',
        start_secs: '100ms',
        start_retries: 0,
      },
      cleanexit: { command: ['/bin/sh', '-c', 'sleep 1; exit 0'], start_secs: '100ms' },
      always: {
        command: ['/bin/sh', '-c', 'sleep 1; exit 0'],
        start_secs: '100ms',
        autorestart: 'always',
      },
    });
  });
  after(async () => s.close());

  it('backs off with growing delays, then gives up in FATAL with the reason', async () => {
    const p = await waitState(s.api, 'crashloop', (x) => x.state === 'FATAL', 'FATAL');
    assert.equal(p.last_exit?.code, 3);
    assert.match(p.last_exit?.reason ?? '', /exited with code 3/);
    const backoffs = p.history.filter((h) => h.to === 'BACKOFF');
    assert.equal(backoffs.length, 3, 'start_retries quick failures back off');
    const starts = p.history.filter((h) => h.event === 'backoff-over').map((h) => Date.parse(h.at));
    const entered = backoffs.map((h) => Date.parse(h.at));
    const delays = starts.map((t, i) => t - (entered[i] ?? 0));
    assert.equal(delays.length, 3);
    // 100 ms, 200 ms, 400 ms (timers may run late, never early).
    assert.ok(
      delays[0]! >= 95 && delays[1]! >= 195 && delays[2]! >= 395,
      `delays ${delays.join(',')}`,
    );
    // The delays the supervisor chose grow by the factor.
    assert.deepEqual(
      p.history.filter((h) => h.event === 'backoff-over').map((h) => h.reason),
      ['backoff of 100 ms over', 'backoff of 200 ms over', 'backoff of 400 ms over'],
    );
    assert.equal(p.history.at(-1)?.to, 'FATAL');
    assert.equal(p.history.at(-1)?.event, 'gave-up');
  });

  it('restarts a long-running program killed with SIGKILL within a second, with a new pid', async () => {
    const before = await waitState(s.api, 'longrun', (x) => x.state === 'RUNNING', 'RUNNING');
    const oldPid = before.pid!;
    const killedAt = Date.now();
    process.kill(oldPid, 'SIGKILL');
    const after = await waitState(
      s.api,
      'longrun',
      (x) => x.pid !== null && x.pid !== oldPid,
      'a new pid',
    );
    // Measured by the supervisor's own clock, not by how fast this test polls.
    assert.ok(Date.parse(after.started_at!) - killedAt < 1000, 'back within a second');
    assert.ok(alive(after.pid!));
    assert.equal(after.restarts, 1);
    assert.equal(after.last_exit?.signal, 'SIGKILL');
    assert.ok(after.history.some((h) => h.from === 'RUNNING' && h.event === 'crashed'));
  });

  it('leaves an expected exit down (autorestart unexpected) and restarts it with always', async () => {
    const done = await waitState(s.api, 'cleanexit', (x) => x.state === 'EXITED', 'EXITED');
    assert.equal(done.last_exit?.code, 0);
    assert.equal(done.restarts, 0);
    const always = await waitState(s.api, 'always', (x) => x.restarts >= 1, 'restarted');
    assert.ok(['STARTING', 'RUNNING'].includes(always.state));
  });

  it('start on FATAL resets retries and tries again', async () => {
    const { data } = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'crashloop', action: 'start' }, query: { wait: '0s' } },
    });
    assert.ok(data);
    assert.notEqual(data.program.state, 'FATAL');
    await waitFor('crashloop to leave FATAL and return to it', async () => {
      const p = await program(s.api, 'crashloop');
      return p.state === 'FATAL' && p.history.filter((h) => h.event === 'gave-up').length === 2;
    });
  });

  it('a command that cannot be started ends in FATAL with the reason', async () => {
    const missing = await waitState(s.api, 'missing', (x) => x.state === 'FATAL', 'FATAL');
    assert.match(missing.last_exit?.reason ?? '', /could not start: .*ENOENT/);
    assert.equal(missing.history.filter((h) => h.to === 'BACKOFF').length, 1);
    const envdir = await waitState(s.api, 'noenvdir', (x) => x.state === 'FATAL', 'FATAL');
    assert.match(envdir.last_exit?.reason ?? '', /could not start: .*nonexistent\/env/);
    assert.equal(envdir.pid, null);
  });
});
