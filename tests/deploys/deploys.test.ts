import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import type { SchedulerApi } from '@drover/contracts';
import { waitFor } from '@drover/contracts/testing';
import { createGitApp, helloServer, type GitApp } from '../support/git-app.js';
import { startStack, type TestStack } from '../support/stack.js';

// One stack for the whole file (13 processes: redis, scheduler, 5 supervisor + logger pairs,
// 2 executors); each scenario deploys an app of its own so they never share a stage.

type Deploy = SchedulerApi.components['schemas']['Deploy'];
const execFileP = promisify(execFile);
const NOTIFY_SECRET = 'webhook-secret-for-tests';
const HOSTS = ['host-1', 'host-2', 'host-3', 'host-4', 'host-5'];

let stack: TestStack;
let repo: GitApp;
let receiver: Server;
let receiverUrl: string;
const webhooks: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

before(async () => {
  stack = await startStack({
    hosts: 5,
    executors: 2,
    portSlots: 8,
    executorExtra: { notify_secret: NOTIFY_SECRET },
  });
  repo = createGitApp(stack.dir.path);
  repo.commit({ 'server.mjs': helloServer('v1') }, 'v1');
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      webhooks.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const addr = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hook`;
});

after(async () => {
  receiver.close();
  await stack.stop();
});

// Each app takes a port slot of its own on every host.
const SLOTS: Record<string, number> = {
  full: 1,
  grouped: 2,
  gated: 3,
  serial: 4,
  idem: 5,
  dry: 6,
  cancel: 7,
  crash: 8,
};

function appSpec(
  app: string,
  strategy: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const slot = SLOTS[app] ?? 1;
  return {
    source: { git: { url: repo.url, ref: 'main' } },
    environment: { GREETING: 'hi', PORT_VAR: `PORT_${slot}` },
    processes: {
      web: {
        command: ['node', 'server.mjs'],
        ready: { http: `http://127.0.0.1:\${PORT_${slot}}/health` },
        start_secs: '0s',
        stop_timeout: '2s',
        health: { min_healthy: '200ms', timeout: '4s' },
      },
    },
    stages: { production: { hosts: HOSTS, strategy } },
    ...extra,
  };
}

async function putApp(name: string, spec: unknown): Promise<void> {
  const r = await stack.api('PUT', `/v1/apps/${name}`, spec);
  assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
}

async function deploy(
  app: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Deploy> {
  const r = await stack.api<Deploy>(
    'POST',
    `/v1/apps/${app}/stages/production/deploys`,
    body,
    headers,
  );
  assert.equal(r.status, 202, JSON.stringify(r.body));
  assert.equal(r.headers.get('location'), `/v1/deploys/${r.body.id}`);
  return r.body;
}

async function get(id: string): Promise<Deploy> {
  return (await stack.api<Deploy>('GET', `/v1/deploys/${id}`)).body;
}

async function waitFinal(id: string, timeoutMs = 45_000): Promise<Deploy> {
  return waitFor(
    `deploy ${id} to end`,
    async () => {
      const d = await get(id);
      return ['succeeded', 'failed', 'reverted', 'cancelled'].includes(d.status) ? d : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

async function logOf(id: string): Promise<string> {
  const res = await fetch(`${stack.url}/v1/deploys/${id}/log`, { headers: stack.headers });
  return res.text();
}

/** What each host's copy of the app answers on its port. */
async function served(app: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const h of HOSTS) {
    const port = stack.appPorts[h]?.[(SLOTS[app] ?? 1) - 1];
    out[h] = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.text().then((t) => t.trim()),
      () => 'down',
    );
  }
  return out;
}

/** The `current` release each host's supervisor reports for an app. */
async function currents(app: string): Promise<Record<string, string | undefined>> {
  const r = await stack.api<SchedulerApi.components['schemas']['StageReleases']>(
    'GET',
    `/v1/apps/${app}/stages/production/releases`,
  );
  assert.equal(r.status, 200);
  return Object.fromEntries(r.body.hosts.map((h) => [h.host, h.current]));
}

/** How many times the app's program printed that it started `version`, per host (logger). */
async function startsOf(app: string, version: string): Promise<number[]> {
  return Promise.all(
    stack.hosts.map(async (h) => {
      const res = await fetch(
        `${h.loggerUrl}/v1/logs/${app}.web?grep=${encodeURIComponent(`hello ${version} on`)}`,
        { headers: { Authorization: `Bearer ${stack.agentToken}` } },
      );
      if (res.status === 404) return 0;
      return (await res.text()).split('\n').filter((l) => l.includes(`hello ${version} on`)).length;
    }),
  );
}

describe('deploys', () => {
  test('a full deploy ends with every host serving the new revision; curl -N follows the log to its last line', async () => {
    await putApp(
      'full',
      appSpec(
        'full',
        { type: 'parallel' },
        { notify: [{ url: receiverUrl }], build: ['echo built-for-$GREETING'] },
      ),
    );
    const sha = repo.commit({ 'server.mjs': helloServer('full-1') }, 'full-1');
    const d = await deploy('full', { message: 'first' });
    assert.equal(d.status, 'queued');
    assert.match(d.release_id, /^\d{14}$/);
    const curl = execFileP('curl', [
      '-sN',
      '-H',
      `Authorization: Bearer ${stack.adminToken}`,
      `${stack.url}/v1/deploys/${d.id}/log?follow=true`,
    ]);
    const done = await waitFinal(d.id);
    assert.equal(done.status, 'succeeded', JSON.stringify(done));
    assert.equal(done.phase, 'finished');
    assert.equal(done.revision, sha);
    assert.ok(
      done.hosts.every((h) => h.state === 'healthy'),
      JSON.stringify(done.hosts),
    );
    assert.deepEqual(
      Object.values(await served('full')),
      HOSTS.map(() => 'full-1 hi'),
    );
    assert.deepEqual(
      Object.values(await currents('full')),
      HOSTS.map(() => done.release_id),
    );
    const { stdout } = await curl;
    const lines = stdout.trim().split('\n');
    assert.match(lines[0] ?? '', /queued by admin/);
    assert.equal(lines.at(-1), `deploy ${d.id} succeeded: full/production on ${done.release_id}`);
    for (const h of HOSTS)
      assert.ok(
        lines.some((l) => l.startsWith(`[${h}] prepared`)),
        `no prepare line for ${h}`,
      );
    // The host's own build output is in the deploy log, host-prefixed.
    for (const h of HOSTS)
      assert.ok(
        lines.some((l) => l.startsWith(`[${h}]   `) && l.includes('built-for-hi')),
        `no build output from ${h}:\n${stdout}`,
      );

    // A text/plain summary for chatops.
    const text = await fetch(`${stack.url}/v1/deploys/${d.id}`, {
      headers: { ...stack.headers, Accept: 'text/plain' },
    });
    assert.match(
      await text.text(),
      new RegExp(`^deploy ${d.id} full/production deploy succeeded \\(finished\\)`),
    );

    // Signed webhooks for started and finished.
    const got = await waitFor('two webhooks', () =>
      webhooks.filter((w) => w.body.includes(d.id)).length >= 2 ? webhooks : undefined,
    );
    const mine = got.filter((w) => w.body.includes(d.id));
    assert.deepEqual(mine.map((w) => w.headers['x-drover-event']).sort(), ['finished', 'started']);
    for (const w of mine) {
      const expected = `sha256=${createHmac('sha256', NOTIFY_SECRET).update(w.body).digest('hex')}`;
      assert.equal(w.headers['x-drover-signature'], expected);
      const body = JSON.parse(w.body) as { app: string; who: string; revision: string | null };
      assert.equal(body.app, 'full');
      assert.equal(body.who, 'admin');
    }
  });

  test('groups {limit: 2} publish two hosts at a time, proven by the recorded times', async () => {
    await putApp('grouped', appSpec('grouped', { type: 'groups', limit: 2 }));
    // An abbreviated sha is no ref a remote can name: the first host resolves it for all.
    const head = repo.commit({ 'server.mjs': helloServer('grouped-1') }, 'grouped-1');
    const d = await waitFinal((await deploy('grouped', { revision: head.slice(0, 10) })).id);
    assert.equal(d.revision, head);
    assert.equal(d.status, 'succeeded', JSON.stringify(d));
    assert.deepEqual(
      d.groups?.map((g) => g.hosts),
      [['host-1', 'host-2'], ['host-3', 'host-4'], ['host-5']],
    );
    const groups = d.groups ?? [];
    for (let i = 1; i < groups.length; i++) {
      const prevEnd = Date.parse(groups[i - 1]?.finished_at ?? '');
      const start = Date.parse(groups[i]?.started_at ?? '');
      assert.ok(start >= prevEnd, `group ${i + 1} started before group ${i} finished`);
      for (const h of groups[i]?.hosts ?? []) {
        const host = d.hosts.find((x) => x.host === h);
        const prevHosts = d.hosts.filter((x) => groups[i - 1]?.hosts.includes(x.host));
        assert.ok(
          prevHosts.every(
            (p) => Date.parse(p.finished_at ?? '') <= Date.parse(host?.finished_at ?? ''),
          ),
        );
      }
    }
  });

  test('a release that fails its health check in the first group is reverted there and never touches the rest', async () => {
    await putApp('gated', appSpec('gated', { type: 'groups', limit: 2 }));
    const good = await waitFinal((await deploy('gated')).id);
    assert.equal(good.status, 'succeeded');
    const before = await currents('gated');
    const badSha = repo.commit(
      { 'server.mjs': helloServer('broken', { failAtStart: true }) },
      'broken',
    );
    const bad = await waitFinal((await deploy('gated', { revision: badSha })).id);
    assert.equal(bad.status, 'reverted', JSON.stringify(bad));
    const states = Object.fromEntries(bad.hosts.map((h) => [h.host, h.state]));
    assert.ok(['reverted', 'unhealthy'].includes(states['host-1'] ?? ''), JSON.stringify(states));
    assert.equal(states['host-3'], 'prepared');
    assert.equal(states['host-4'], 'prepared');
    assert.equal(states['host-5'], 'prepared');
    assert.deepEqual(await currents('gated'), before);
    const s = await served('gated');
    assert.ok(
      Object.values(s).every((v) => v !== 'down'),
      JSON.stringify(s),
    );
    assert.match(await logOf(bad.id), /reverting host-1, host-2/);
    // Restore main for the scenarios that follow.
    repo.commit({ 'server.mjs': helloServer('v1') }, 'v1 again');
  });

  test('two deploys to one stage run one after the other', async () => {
    await putApp('serial', appSpec('serial', { type: 'parallel' }));
    const a = await deploy('serial');
    const b = await deploy('serial');
    const [da, db] = [await waitFinal(a.id), await waitFinal(b.id)];
    assert.equal(da.status, 'succeeded');
    assert.equal(db.status, 'succeeded');
    assert.ok(
      Date.parse(db.started_at ?? '') >= Date.parse(da.finished_at ?? ''),
      `${db.started_at} < ${da.finished_at}`,
    );
    assert.notEqual(da.release_id, db.release_id);
    assert.match(
      await logOf(b.id),
      new RegExp(`waiting for serial/production: deploy ${a.id} is ahead`),
    );
    // lock: fail answers 409 while the stage is busy.
    const c = await deploy('serial');
    const refused = await stack.api('POST', '/v1/apps/serial/stages/production/deploys', {
      lock: 'fail',
    });
    assert.equal(refused.status, 409);
    assert.equal((await waitFinal(c.id)).status, 'succeeded');
  });

  test('the same Idempotency-Key gives the same deploy; dry_run runs nothing', async () => {
    await putApp('idem', appSpec('idem', { type: 'parallel' }));
    const first = await deploy('idem', {}, { 'Idempotency-Key': 'ci-run-42' });
    const second = await stack.api<Deploy>(
      'POST',
      '/v1/apps/idem/stages/production/deploys',
      {},
      { 'Idempotency-Key': 'ci-run-42' },
    );
    assert.equal(second.status, 202);
    assert.equal(second.body.id, first.id);
    await waitFinal(first.id);
    const list = await stack.api<{ deploys: Deploy[] }>('GET', '/v1/deploys?app=idem');
    assert.equal(list.body.deploys.length, 1);

    await putApp(
      'dry',
      appSpec('dry', { type: 'groups', limit: 3, canary: 1 }, { build: ['echo building'] }),
    );
    const plan = await stack.api<SchedulerApi.components['schemas']['DeployPlan']>(
      'POST',
      '/v1/apps/dry/stages/production/deploys',
      { dry_run: true },
    );
    assert.equal(plan.status, 200);
    assert.deepEqual(plan.body.groups, [['host-1'], ['host-2', 'host-3', 'host-4'], ['host-5']]);
    assert.deepEqual(
      plan.body.phases.map((p) => p.phase),
      ['starting', 'updating', 'publishing', 'finishing'],
    );
    assert.ok(plan.body.phases[1]?.steps.every((s) => s.includes('build: echo building')));
    assert.equal(
      (await stack.api<{ deploys: Deploy[] }>('GET', '/v1/deploys?app=dry')).body.deploys.length,
      0,
    );
    assert.deepEqual(
      Object.values(await currents('dry')),
      HOSTS.map(() => undefined),
    );
  });

  test('cancel stops after the running step and reverts the hosts already switched', async () => {
    await putApp('cancel', appSpec('cancel', { type: 'sequence', wait: '1500ms' }));
    const first = await waitFinal((await deploy('cancel')).id);
    assert.equal(first.status, 'succeeded');
    repo.commit({ 'server.mjs': helloServer('cancel-2') }, 'cancel-2');
    const d = await deploy('cancel');
    await waitFor(
      'host-1 switched',
      async () => (await get(d.id)).hosts.find((h) => h.host === 'host-1')?.state === 'healthy',
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    const c = await stack.api<Deploy>('POST', `/v1/deploys/${d.id}/cancel`);
    assert.equal(c.status, 202);
    const done = await waitFinal(d.id);
    assert.equal(done.status, 'cancelled', JSON.stringify(done));
    assert.equal(done.cancelled_by, 'admin');
    assert.deepEqual(
      Object.values(await currents('cancel')),
      HOSTS.map(() => first.release_id),
    );
    assert.equal((await stack.api('POST', `/v1/deploys/${d.id}/cancel`)).status, 409);
    repo.commit({ 'server.mjs': helloServer('v1') }, 'v1 again');
  });

  test('a stage rollback names one release for every host', async () => {
    const before = await currents('full');
    const first = Object.values(before)[0] ?? '';
    repo.commit({ 'server.mjs': helloServer('full-2') }, 'full-2');
    const second = await waitFinal((await deploy('full')).id);
    assert.equal(second.status, 'succeeded');
    assert.deepEqual(
      Object.values(await served('full')),
      HOSTS.map(() => 'full-2 hi'),
    );
    const r = await stack.api<Deploy>('POST', '/v1/apps/full/stages/production/rollback', {});
    assert.equal(r.status, 202, JSON.stringify(r.body));
    assert.equal(r.body.kind, 'rollback');
    const done = await waitFinal(r.body.id);
    assert.equal(done.status, 'succeeded', JSON.stringify(done));
    assert.equal(done.rollback_to, first);
    assert.deepEqual(
      Object.values(await currents('full')),
      HOSTS.map(() => first),
    );
    assert.deepEqual(
      Object.values(await served('full')),
      HOSTS.map(() => 'full-1 hi'),
    );
    const text = await fetch(`${stack.url}/v1/apps/full/stages/production/releases`, {
      headers: { ...stack.headers, Accept: 'text/plain' },
    });
    assert.match(await text.text(), new RegExp(`^HOST +CURRENT +RELEASES\nhost-1 +${first} `));
    repo.commit({ 'server.mjs': helloServer('v1') }, 'v1 again');
  });

  test('lock: supersede cancels the deploy in the way', async () => {
    const a = await deploy('idem');
    const b = await deploy('idem', { lock: 'supersede' });
    const [da, db] = [await waitFinal(a.id), await waitFinal(b.id)];
    assert.equal(da.status, 'cancelled', JSON.stringify(da));
    assert.match(da.cancelled_by ?? '', /superseded by/);
    assert.equal(db.status, 'succeeded', JSON.stringify(db));
  });

  test('SSE with event ids, and Last-Event-ID resumes after one', async () => {
    const list = await stack.api<{ deploys: Deploy[] }>(
      'GET',
      '/v1/deploys?app=full&status=succeeded',
    );
    const id = list.body.deploys[0]?.id ?? '';
    const sse = await (
      await fetch(`${stack.url}/v1/deploys/${id}/log`, {
        headers: { ...stack.headers, Accept: 'text/event-stream' },
      })
    ).text();
    const events = sse.trim().split('\n\n');
    assert.ok(events.length > 5);
    assert.match(events.at(-1) ?? '', /^id: \d+-\d+\nevent: end\ndata: deploy .* succeeded/);
    const third = /^id: (\S+)/.exec(events[2] ?? '')?.[1] ?? '';
    const resumed = await (
      await fetch(`${stack.url}/v1/deploys/${id}/log`, {
        headers: { ...stack.headers, Accept: 'text/event-stream', 'Last-Event-ID': third },
      })
    ).text();
    assert.deepEqual(resumed.trim().split('\n\n'), events.slice(3));
  });

  test('an executor killed with SIGKILL mid-publish: the other finishes it, no host restarted twice', async () => {
    await putApp('crash', appSpec('crash', { type: 'sequence', wait: '700ms' }));
    repo.commit({ 'server.mjs': helloServer('crash-1') }, 'crash-1');
    const d = await deploy('crash');
    const running = await waitFor(
      'host-2 published',
      async () => {
        const cur = await get(d.id);
        return cur.hosts.filter((h) => h.state === 'healthy').length >= 2 ? cur : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 30 },
    );
    assert.equal(running.phase, 'publishing');
    const who = /executor (executor-\d) starts the deploy/.exec(await logOf(d.id))?.[1];
    const victim = stack.executors.find((e) => e.name === who);
    assert.ok(victim, `no executor named ${who}`);
    process.kill(-(victim.proc.pid ?? 0), 'SIGKILL');
    const done = await waitFinal(d.id, 60_000);
    assert.equal(done.status, 'succeeded', JSON.stringify(done));
    const log = await logOf(d.id);
    assert.match(
      log,
      /executor executor-\d takes the deploy over \(fence \d+\), resuming in publishing/,
    );
    assert.deepEqual(
      Object.values(await served('crash')),
      HOSTS.map(() => 'crash-1 hi'),
    );
    assert.deepEqual(
      await startsOf('crash', 'crash-1'),
      HOSTS.map(() => 1),
    );
    const published = log.split('\n').filter((l) => / is live and healthy/.test(l));
    assert.equal(published.length, HOSTS.length, published.join('\n'));
  });
});
