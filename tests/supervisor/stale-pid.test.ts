import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir } from '@drover/contracts/testing';
import { readProcStat } from '@drover/supervisor';
import { alive, startInProcess, waitState, type InProcess } from './helpers.js';

describe('a saved pid that is now another process', () => {
  let s: InProcess | undefined;
  const stranger = spawn('sleep', ['1000'], { stdio: 'ignore', detached: true });
  after(async () => {
    await s?.close();
    stranger.kill('SIGKILL');
  });

  it('is ignored (start time differs): the program starts fresh and the stranger is untouched', async () => {
    const dir = tempDir('drover-stale-');
    const pid = stranger.pid!;
    const ticks = readProcStat(pid)!.startTicks;
    mkdirSync(join(dir.path, 'root', 'state'), { recursive: true });
    writeFileSync(
      join(dir.path, 'root', 'state', 'runtime.json'),
      JSON.stringify({ web: { desired: 'up', pid, startTicks: ticks - 1, ready: true } }),
    );
    s = await startInProcess({ web: { command: ['sleep', '1000'], start_secs: '50ms' } }, {}, dir);
    const web = await waitState(s.api, 'web', (p) => p.state === 'RUNNING', 'RUNNING');
    assert.notEqual(web.pid, pid);
    assert.equal(web.adopted, false);
    assert.ok(alive(pid), 'the stranger was not signalled');
  });
});
