import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { waitFor } from '@drover/contracts/testing';
import type { ProgramSpecInput } from '@drover/supervisor';
import { alive, startInProcess, taggedPids, type InProcess } from './helpers.js';

describe('200 programs', () => {
  let s: InProcess | undefined;
  after(async () => s?.close());

  it('start, each exactly once, and stop cleanly', async () => {
    const programs: Record<string, ProgramSpecInput> = {};
    for (let i = 0; i < 200; i++) {
      programs[`p${i}`] = {
        command: ['sleep', '1000'],
        start_secs: '100ms',
        stop_timeout: '1s',
        priority: i % 4,
      };
    }
    s = await startInProcess(programs);
    const api = s.api;
    await waitFor(
      'all 200 RUNNING',
      async () => {
        const { data } = await api.GET('/v1/programs');
        return data?.programs.filter((p) => p.state === 'RUNNING').length === 200;
      },
      { timeoutMs: 30_000 },
    );
    const { data } = await api.GET('/v1/programs');
    const pids = (data?.programs ?? []).map((p) => p.pid);
    assert.equal(new Set(pids).size, 200);
    assert.deepEqual(
      taggedPids(s.root),
      [...(pids as number[])].sort((a, b) => a - b),
    );
    await s.sup.shutdown();
    assert.ok(
      s.sup.manager.list().every((p) => p.state === 'STOPPED'),
      'every program STOPPED',
    );
    for (const pid of pids) assert.ok(!alive(pid!));
    assert.deepEqual(taggedPids(s.root), []);
  });
});
