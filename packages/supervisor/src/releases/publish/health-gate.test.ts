import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Program } from '../../programs/program.js';
import type { ProgramState } from '../../programs/states.js';
import { waitHealthy } from './health-gate.js';

/** Just what the gate reads of a program, with a way to change it and tell the listeners. */
class FakeProgram {
  state: ProgramState = 'STOPPING';
  ready = false;
  pid: number | undefined = 1;
  lastExit = undefined;
  readonly spec = { ready: { tcp: 1 } };
  private readonly listeners = new Set<() => void>();
  constructor(readonly name: string) {}
  onChange(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  set(state: ProgramState, ready: boolean, pid: number | undefined): void {
    Object.assign(this, { state, ready, pid });
    for (const l of [...this.listeners]) l();
  }
}

const gate = (fakes: FakeProgram[], minHealthyMs: number, timeoutMs = 2000) =>
  waitHealthy(
    fakes as unknown as Program[],
    { minHealthyMs, timeoutMs, http: undefined },
    () => undefined,
    new AbortController().signal,
  );

describe('health gate', () => {
  it('min_healthy 0: healthy as soon as the program is RUNNING and ready, not on a poll', async () => {
    const p = new FakeProgram('app.web');
    const t0 = Date.now();
    setTimeout(() => p.set('STARTING', false, 2), 5);
    setTimeout(() => p.set('RUNNING', false, 2), 15);
    setTimeout(() => p.set('RUNNING', true, 2), 25);
    const verdict = await gate([p], 0);
    assert.equal(verdict.healthy, true, verdict.detail);
    assert.ok(Date.now() - t0 < 90, `took ${Date.now() - t0} ms`);
  });

  it('a restart (new pid) within min_healthy starts the clock again', async () => {
    const p = new FakeProgram('app.web');
    p.set('RUNNING', true, 2);
    const t0 = Date.now();
    setTimeout(() => p.set('RUNNING', true, 3), 40);
    const verdict = await gate([p], 60);
    assert.equal(verdict.healthy, true, verdict.detail);
    const took = Date.now() - t0;
    assert.ok(took >= 95 && took < 400, `took ${took} ms`);
  });

  it('FATAL fails at once; never up is unhealthy at the timeout', async () => {
    const p = new FakeProgram('app.web');
    setTimeout(() => p.set('FATAL', false, undefined), 10);
    assert.match((await gate([p], 0)).detail, /app.web is FATAL/);
    const q = new FakeProgram('app.worker');
    const t0 = Date.now();
    const verdict = await gate([q], 0, 50);
    assert.equal(verdict.healthy, false);
    assert.match(verdict.detail, /not healthy within 50 ms: app.worker STOPPING \(not ready\)/);
    assert.ok(Date.now() - t0 >= 49);
  });
});
