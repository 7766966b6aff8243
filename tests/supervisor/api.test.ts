import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLog } from '@drover/contracts';
import { createSupervisor, loadSupervisorConfig } from '@drover/supervisor';
import {
  TOKEN,
  alive,
  apiClient,
  program,
  startInProcess,
  waitState,
  type InProcess,
} from './helpers.js';

describe('programs API', () => {
  let s: InProcess;
  before(async () => {
    s = await startInProcess({
      fromconfig: { command: ['sleep', '1000'], start_secs: '50ms', stop_timeout: '500ms' },
    });
  });
  after(async () => s.close());

  it('needs the agent token except for health', async () => {
    const health = await apiClient(s.url, null).GET('/v1/health');
    assert.equal(health.response.status, 200);
    assert.equal(health.data?.status, 'ok');
    const none = await apiClient(s.url, null).GET('/v1/programs');
    assert.equal(none.response.status, 401);
    assert.equal(
      none.response.headers.get('content-type'),
      'application/problem+json; charset=utf-8',
    );
    const wrong = await apiClient(s.url, 'nope').GET('/v1/programs');
    assert.equal(wrong.response.status, 401);
    const metrics = await fetch(`${s.url}/metrics`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(metrics.status, 200);
    const text = await metrics.text();
    assert.match(text, /drover_supervisor_programs\{state="RUNNING"\} \d/);
    assert.match(text, /drover_supervisor_restart_latency_seconds_bucket/);
  });

  it('lists programs as JSON and as a text table', async () => {
    await waitState(s.api, 'fromconfig', (p) => p.state === 'RUNNING', 'RUNNING');
    const { data } = await s.api.GET('/v1/programs');
    assert.deepEqual(
      data?.programs.map((p) => [p.name, p.origin, p.desired, p.ready]),
      [['fromconfig', 'config', 'up', true]],
      'without a ready check, RUNNING is ready',
    );
    const res = await fetch(`${s.url}/v1/programs`, {
      headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'text/plain' },
    });
    assert.match(
      await res.text(),
      /^NAME\s+STATE\s+READY\s+DESIRED\s+PID[\s\S]*fromconfig\s+RUNNING/,
    );
  });

  it('PUT defines (201), repeats without a restart (200, same pid), replaces with a restart', async () => {
    const spec = {
      command: ['sleep', '1000'],
      start_secs: '50ms',
      stop_timeout: '500ms',
      environment: { SECRET_TOKEN: 'hunter2' },
    };
    const created = await s.api.PUT('/v1/programs/{name}', {
      params: { path: { name: 'web.1' } },
      body: spec,
    });
    assert.equal(created.response.status, 201);
    assert.equal(created.data?.origin, 'api');
    assert.deepEqual(created.data?.spec.environment, { SECRET_TOKEN: '[redacted]' });
    const first = await waitState(s.api, 'web.1', (p) => p.state === 'RUNNING', 'RUNNING');
    const again = await s.api.PUT('/v1/programs/{name}', {
      params: { path: { name: 'web.1' } },
      body: spec,
    });
    assert.equal(again.response.status, 200);
    assert.equal((await program(s.api, 'web.1')).pid, first.pid);
    const replaced = await s.api.PUT('/v1/programs/{name}', {
      params: { path: { name: 'web.1' } },
      body: { ...spec, command: ['sleep', '2000'] },
    });
    assert.equal(replaced.response.status, 200);
    const second = await waitState(s.api, 'web.1', (p) => p.state === 'RUNNING', 'RUNNING');
    assert.notEqual(second.pid, first.pid);
    assert.ok(!alive(first.pid!));
  });

  it('PUT rejects bad definitions with 400 naming the field', async () => {
    const bad = await s.api.PUT('/v1/programs/{name}', {
      params: { path: { name: 'bad' } },
      body: { command: ['x'], stop_signal: 'NOPE' } as never,
    });
    assert.equal(bad.response.status, 400);
    assert.match(JSON.stringify(bad.error), /stop_signal/);
    const badName = await s.api.PUT('/v1/programs/{name}', {
      params: { path: { name: '../etc' } },
      body: { command: ['x'] },
    });
    assert.equal(badName.response.status, 400);
    const instances = await s.api.PUT('/v1/programs/{name}', {
      params: { path: { name: 'many' } },
      body: { command: ['x'], instances: 2 },
    });
    assert.equal(instances.response.status, 400);
  });

  it('DELETE stops and removes an API program and its FIFOs; config programs answer 409', async () => {
    const p = await program(s.api, 'web.1');
    const del = await s.api.DELETE('/v1/programs/{name}', { params: { path: { name: 'web.1' } } });
    assert.equal(del.response.status, 204);
    assert.ok(!alive(p.pid!));
    assert.ok(!existsSync(join(s.root, 'state', 'fifo', 'web.1.out')));
    const gone = await s.api.GET('/v1/programs/{name}', { params: { path: { name: 'web.1' } } });
    assert.equal(gone.response.status, 404);
    const cfg = await s.api.DELETE('/v1/programs/{name}', {
      params: { path: { name: 'fromconfig' } },
    });
    assert.equal(cfg.response.status, 409);
    assert.equal(cfg.error?.code, 'defined-by-config');
  });

  it('API definitions survive a supervisor restart, with their origin', async () => {
    await s.api.PUT('/v1/programs/{name}', {
      params: { path: { name: 'kept' } },
      body: { command: ['sleep', '1000'], start_secs: '50ms' },
    });
    const kept = await waitState(s.api, 'kept', (p) => p.state === 'RUNNING', 'RUNNING');
    await s.sup.detach();
    const next = createSupervisor({
      config: loadSupervisorConfig(join(s.dir.path, 'supervisor.yaml')),
      log: createLog('supervisor', { level: 'silent' }),
      baseEnv: process.env,
      isRoot: true,
      validateResponses: true,
    });
    s.sup = next;
    s.url = await next.start();
    s.api = apiClient(s.url);
    const after = await program(s.api, 'kept');
    assert.equal(after.origin, 'api');
    assert.equal(after.pid, kept.pid);
    assert.equal(after.adopted, true);
  });
});
