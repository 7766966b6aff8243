import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import type { SchedulerApi } from '@drover/contracts';
import { waitFor } from '@drover/contracts/testing';
import { createGitApp, helloServer } from '../support/git-app.js';
import { startStack, type TestStack } from '../support/stack.js';

type ProcessList = SchedulerApi.components['schemas']['ProcessList'];
type Process = SchedulerApi.components['schemas']['Process'];
type Deploy = SchedulerApi.components['schemas']['Deploy'];

let stack: TestStack;
let blackHole: Server;

before(async () => {
  stack = await startStack({ hosts: 2, executors: 1, schedulerExtra: { agent_timeout: '700ms' } });
  const repo = createGitApp(stack.dir.path);
  repo.commit({ 'server.mjs': helloServer('fleet-1') }, 'v1');
  const put = await stack.api('PUT', '/v1/apps/web', {
    source: { git: { url: repo.url, ref: 'main' } },
    processes: {
      web: {
        command: ['node', 'server.mjs'],
        ready: { tcp: '${PORT}' },
        start_secs: '0s',
        stop_timeout: '2s',
        health: { min_healthy: '0s', timeout: '10s' },
      },
    },
    stages: { production: { hosts: ['host-1', 'host-2'], strategy: { type: 'parallel' } } },
  });
  assert.equal(put.status, 201, JSON.stringify(put.body));
  const d = await stack.api<Deploy>('POST', '/v1/apps/web/stages/production/deploys', {});
  await waitFor(
    'the deploy',
    async () =>
      (await stack.api<Deploy>('GET', `/v1/deploys/${d.body.id}`)).body.status === 'succeeded',
    { timeoutMs: 60_000, intervalMs: 100 },
  );
  // A host whose agent accepts connections and never answers.
  blackHole = createServer(() => undefined);
  await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', r));
  const addr = blackHole.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  await stack.api('PUT', '/v1/hosts/silent', {
    supervisor_url: `http://127.0.0.1:${port}`,
    logger_url: `http://127.0.0.1:${port}`,
  });
});

after(async () => {
  blackHole.close();
  await stack.stop();
});

test('processes lists every program on every host, with host status, and a silent host costs one timeout', async () => {
  const started = Date.now();
  const r = await stack.api<ProcessList>('GET', '/v1/processes');
  const took = Date.now() - started;
  assert.equal(r.status, 200);
  assert.ok(took < 3000, `took ${took} ms`);
  assert.deepEqual(
    r.body.hosts.map((h) => [h.host, h.status]),
    [
      ['host-1', 'up'],
      ['host-2', 'up'],
      ['silent', 'unreachable'],
    ],
  );
  const web = r.body.processes.filter((p) => p.app === 'web');
  assert.deepEqual(
    web.map((p) => [p.host, p.name, p.state, p.ready]),
    [
      ['host-1', 'web.web', 'RUNNING', true],
      ['host-2', 'web.web', 'RUNNING', true],
    ],
  );
  const filtered = await stack.api<ProcessList>(
    'GET',
    '/v1/processes?host=host-2&app=web&state=RUNNING',
  );
  assert.deepEqual(
    filtered.body.processes.map((p) => p.host),
    ['host-2'],
  );
  const text = await fetch(`${stack.url}/v1/processes?app=web`, {
    headers: { ...stack.headers, Accept: 'text/plain' },
  });
  const body = await text.text();
  assert.match(body, /^HOST +PROGRAM +STATE +READY +PID +UPTIME +RESTARTS\n/);
  assert.match(body, /\nhost-1 +web\.web +RUNNING +yes +\d+ /);
  assert.match(body, /host silent unreachable: no answer in 700 ms\n$/);
});

test('program actions are proxied to the host', async () => {
  const before = (await stack.api<ProcessList>('GET', '/v1/processes?host=host-1&app=web')).body
    .processes[0];
  const restarted = await stack.api<Process>('POST', '/v1/hosts/host-1/programs/web.web/restart');
  assert.equal(restarted.status, 200, JSON.stringify(restarted.body));
  assert.equal(restarted.body.state, 'RUNNING');
  assert.notEqual(restarted.body.pid, before?.pid);
  const stopped = await stack.api<Process>('POST', '/v1/hosts/host-1/programs/web.web/stop');
  assert.equal(stopped.body.state, 'STOPPED');
  assert.equal(stopped.body.desired, 'down');
  const startedAgain = await stack.api<Process>('POST', '/v1/hosts/host-1/programs/web.web/start');
  assert.equal(startedAgain.body.state, 'RUNNING');
  const hup = await stack.api<Process>('POST', '/v1/hosts/host-1/programs/web.web/signal', {
    signal: 'CONT',
  });
  assert.equal(hup.status, 200, JSON.stringify(hup.body));
  const missing = await stack.api('POST', '/v1/hosts/host-1/programs/nope/restart');
  assert.equal(missing.status, 404);
  const noHost = await stack.api('POST', '/v1/hosts/ghost/programs/web.web/restart');
  assert.equal(noHost.status, 404);
  const readOnly = await fetch(`${stack.url}/v1/hosts/host-1/programs/web.web/restart`, {
    method: 'POST',
    headers: { Authorization: 'Bearer nope' },
  });
  assert.equal(readOnly.status, 401);
});

test('a program log is proxied from its host logger, follow included', async () => {
  const grep = await fetch(
    `${stack.url}/v1/hosts/host-2/programs/web.web/log?grep=${encodeURIComponent('hello fleet-1')}`,
    { headers: stack.headers },
  );
  assert.equal(grep.status, 200);
  assert.match(await grep.text(), /out hello fleet-1 on \d+/);
  const tail = await fetch(`${stack.url}/v1/hosts/host-2/programs/web.web/log?tail=5`, {
    headers: stack.headers,
  });
  assert.equal(tail.status, 200);
  const text = await tail.text();
  assert.match(text, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z out hello fleet-1 on \d+$/m);

  const abort = new AbortController();
  const follow = await fetch(
    `${stack.url}/v1/hosts/host-1/programs/web.web/log?tail=0&follow=true`,
    {
      headers: stack.headers,
      signal: abort.signal,
    },
  );
  assert.equal(follow.status, 200);
  const reader = (follow.body as ReadableStream<Uint8Array> | null)?.getReader();
  assert.ok(reader);
  await stack.api('POST', '/v1/hosts/host-1/programs/web.web/restart');
  let seen = '';
  const decoder = new TextDecoder();
  while (!seen.includes('hello fleet-1 on')) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += decoder.decode(value);
  }
  abort.abort();
  assert.match(seen, /out hello fleet-1 on \d+/);
  const missing = await fetch(`${stack.url}/v1/hosts/host-1/programs/nope/log`, {
    headers: stack.headers,
  });
  assert.equal(missing.status, 404);
});
