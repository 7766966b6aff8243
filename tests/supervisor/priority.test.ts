import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir } from '@drover/contracts/testing';
import type { ProgramSpecInput } from '@drover/supervisor';
import { startInProcess, waitState, type InProcess } from './helpers.js';

describe('priority', () => {
  let s: InProcess | undefined;
  after(async () => s?.close());

  it('starts in ascending priority and stops in descending priority, each group after the last', async () => {
    const dir = tempDir('drover-priority-');
    const out = join(dir.path, 'stops');
    const spec = (name: string, priority: number): ProgramSpecInput => ({
      command: [
        '/bin/sh',
        '-c',
        `trap 'sleep 0.1; echo ${name} >> ${out}; exit 0' TERM; while :; do sleep 0.02; done`,
      ],
      start_secs: '50ms',
      stop_timeout: '2s',
      priority,
    });
    s = await startInProcess(
      {
        last: spec('last', 30),
        first: spec('first', 10),
        middle: spec('middle', 20),
      },
      {},
      dir,
    );
    const pids: number[] = [];
    for (const name of ['first', 'middle', 'last']) {
      pids.push((await waitState(s.api, name, (p) => p.state === 'RUNNING', 'RUNNING')).pid!);
    }
    assert.deepEqual(
      [...pids].sort((a, b) => a - b),
      pids,
      'spawned in priority order',
    );
    await s.sup.shutdown();
    assert.deepEqual(readFileSync(out, 'utf8').trim().split('\n'), ['last', 'middle', 'first']);
  });
});
