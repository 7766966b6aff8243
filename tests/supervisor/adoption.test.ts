import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir, waitFor } from '@drover/contracts/testing';
import type { ProgramSpecInput } from '@drover/supervisor';
import {
  FifoReader,
  alive,
  killTagged,
  program,
  startService,
  taggedPids,
  waitState,
  writeConfig,
  type Service,
} from './helpers.js';

const SLEEPERS = Array.from({ length: 18 }, (_, i) => `sleeper-${String(i + 1).padStart(2, '0')}`);
const DOWN = ['sleeper-17', 'sleeper-18'];

async function listPids(s: Service): Promise<Map<string, number | null>> {
  const { data } = await s.api.GET('/v1/programs');
  assert.ok(data);
  return new Map(data.programs.map((p) => [p.name, p.pid]));
}

describe('adoption across supervisor restarts (drover supervisor, 20 programs)', () => {
  const dir = tempDir('drover-adopt-');
  const root = join(dir.path, 'root');
  let config: string;
  let service: Service | undefined;
  let reader: FifoReader | undefined;

  before(() => {
    const programs: Record<string, ProgramSpecInput> = {};
    for (const name of SLEEPERS)
      programs[name] = { command: ['sleep', '1000'], start_secs: '100ms' };
    // Writes a numbered line every 20 ms: the logger side must see every number.
    programs['talker'] = {
      command: ['/bin/sh', '-c', 'i=0; while :; do i=$((i+1)); echo "line $i"; sleep 0.02; done'],
      start_secs: '100ms',
    };
    programs['ticker'] = { command: 'sleep 1000', start_secs: '100ms', stop_timeout: '500ms' };
    config = writeConfig(dir.path, { programs });
  });
  after(async () => {
    reader?.close();
    await service?.child.stop('SIGKILL');
    killTagged(root);
    dir.remove();
  });

  const allRunning = async (s: Service) =>
    waitFor('every up program RUNNING', async () => {
      const { data } = await s.api.GET('/v1/programs');
      const up = data?.programs.filter((p) => !DOWN.includes(p.name)) ?? [];
      return up.length === 18 && up.every((p) => p.state === 'RUNNING');
    });

  const checkNumbered = (lines: string[]) => {
    const numbers = lines.filter((l) => l.startsWith('line ')).map((l) => Number(l.slice(5)));
    assert.ok(numbers.length > 0);
    for (let i = 1; i < numbers.length; i++) {
      assert.equal(numbers[i], numbers[i - 1]! + 1, `no line lost or repeated near ${numbers[i]}`);
    }
    return numbers.at(-1)!;
  };

  it('adopts every program after SIGKILL of the supervisor: same pids, one copy, down stays down', async () => {
    const first = await startService(config);
    service = first;
    await allRunning(first);
    reader = new FifoReader(join(root, 'state', 'fifo', 'talker.out'));
    for (const name of DOWN) {
      const r = await first.api.POST('/v1/programs/{name}/{action}', {
        params: { path: { name, action: 'stop' } },
      });
      assert.equal(r.data?.program.state, 'STOPPED');
    }
    const before = await listPids(service);
    await reader.waitForLine('line 5');
    await service.child.stop('SIGKILL');

    service = await startService(config);
    const after = await listPids(service);
    for (const [name, pid] of before) {
      assert.equal(after.get(name), pid, `${name} keeps its pid`);
      if (pid !== null) assert.deepEqual(taggedPids(root, name), [pid], `one copy of ${name}`);
    }
    for (const name of DOWN) {
      const p = await program(service.api, name);
      assert.equal(p.state, 'STOPPED');
      assert.equal(p.desired, 'down');
      assert.deepEqual(taggedPids(root, name), []);
    }
    const talker = await program(service.api, 'talker');
    assert.equal(talker.adopted, true);
    assert.equal(talker.state, 'RUNNING');
    // Output keeps flowing through the restart, every line once and in order.
    const lastBefore = checkNumbered(reader.lines);
    await reader.waitForLine(`line ${lastBefore + 10}`);
    checkNumbered(reader.lines);
  });

  it('restarts an adopted program that dies; from then on it is a child again', async () => {
    assert.ok(service);
    const p = await program(service.api, 'ticker');
    assert.equal(p.adopted, true);
    process.kill(p.pid!, 'SIGKILL');
    const back = await waitState(
      service.api,
      'ticker',
      (x) => x.pid !== null && x.pid !== p.pid && x.state === 'RUNNING',
      'restarted',
    );
    assert.equal(back.adopted, false);
    assert.equal(back.last_exit?.code, null, 'an adopted exit status is unknown');
    assert.match(back.last_exit?.reason ?? '', /unknown/);
    assert.deepEqual(taggedPids(root, 'ticker'), [back.pid]);
  });

  it('exits on SIGQUIT leaving programs running, and finds them by their tag without saved pids', async () => {
    assert.ok(service);
    const before = await listPids(service);
    await service.child.stop('SIGQUIT');
    for (const [, pid] of before) if (pid !== null) assert.ok(alive(pid));
    // Forget every saved pid: the environment tag alone must find them.
    const file = join(root, 'state', 'runtime.json');
    const records = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { desired: string }>;
    for (const name of Object.keys(records)) records[name] = { desired: records[name]!.desired };
    writeFileSync(file, JSON.stringify(records));

    service = await startService(config);
    const after = await listPids(service);
    for (const [name, pid] of before) assert.equal(after.get(name), pid, `${name} keeps its pid`);
    assert.equal(taggedPids(root).length, 20 - DOWN.length);
  });

  it('SIGTERM stops every program and exits', async () => {
    assert.ok(service);
    const pids = [...(await listPids(service)).values()].filter((p): p is number => p !== null);
    const result = await service.child.stop('SIGTERM', 20_000);
    assert.equal(result.code, 0);
    service = undefined;
    for (const pid of pids) assert.ok(!alive(pid), `${pid} stopped`);
    assert.deepEqual(taggedPids(root), []);
  });
});
