import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { auth, startHarness, type Harness } from '../test-support/scheduler-harness.js';

const app = {
  source: { git: { url: 'file:///srv/git/hello.git', ref: 'main' } },
  build: ['true'],
  environment: { NODE_ENV: 'production' },
  secrets: { DATABASE_PASSWORD: 'sw0rdf1sh-very-secret' },
  processes: { web: { command: ['node', 'server.js'], instances: 2 } },
  stages: { production: { hosts: ['web-1'], strategy: { type: 'groups', limit: 1 } } },
};
const host = {
  supervisor_url: 'http://127.0.0.1:7701',
  logger_url: 'http://127.0.0.1:7702',
  roles: ['web'],
  labels: { region: 'eu' },
  environment: { PORT: '8080' },
};

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.stop();
});

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(h.url + path, init);
  const text = await res.text();
  return { res, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

function assertProblem(
  r: { res: Response; json: () => Record<string, unknown> },
  status: number,
  code: string,
) {
  assert.equal(r.res.status, status);
  assert.match(r.res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const p = r.json();
  assert.equal(p['status'], status);
  assert.equal(p['code'], code);
  assert.equal(p['type'], `https://drover.dev/problems/${code}`);
  assert.doesNotMatch(JSON.stringify(p), /at .*\.(ts|js):\d+/, 'no stack trace');
}

describe('auth matrix', () => {
  const routes: { method: string; path: string; body?: unknown; needs: 'read' | 'admin' | null }[] =
    [
      { method: 'GET', path: '/v1/health', needs: null },
      { method: 'GET', path: '/openapi.yaml', needs: null },
      { method: 'GET', path: '/metrics', needs: 'read' },
      { method: 'GET', path: '/v1/apps', needs: 'read' },
      { method: 'GET', path: '/v1/hosts', needs: 'read' },
      { method: 'PUT', path: '/v1/hosts/auth-host', body: host, needs: 'admin' },
      { method: 'PUT', path: '/v1/apps/auth-app', body: app, needs: 'admin' },
      { method: 'GET', path: '/v1/apps/auth-app', needs: 'read' },
      { method: 'GET', path: '/v1/hosts/auth-host', needs: 'read' },
      { method: 'DELETE', path: '/v1/apps/auth-app', needs: 'admin' },
      { method: 'DELETE', path: '/v1/hosts/auth-host', needs: 'admin' },
    ];
  const rank = { read: 0, deploy: 1, admin: 2 } as const;

  for (const r of routes) {
    test(`${r.method} ${r.path}`, async () => {
      const none = await call(r.method, r.path, {}, r.body);
      if (r.needs === null) {
        assert.equal(none.res.status, 200);
        return;
      }
      assertProblem(none, 401, 'unauthorized');
      assert.equal(none.res.headers.get('www-authenticate'), 'Bearer');
      assertProblem(
        await call(r.method, r.path, { Authorization: 'Bearer not-a-real-token' }, r.body),
        401,
        'unauthorized',
      );
      assertProblem(
        await call(r.method, r.path, { Authorization: 'Basic Zm9vOmJhcg==' }, r.body),
        401,
        'unauthorized',
      );
      for (const scope of ['read', 'deploy', 'admin'] as const) {
        const got = await call(r.method, r.path, auth(scope), r.body);
        if (rank[scope] >= rank[r.needs]) {
          assert.ok(
            got.res.status < 400,
            `${scope} may ${r.method} ${r.path}: got ${got.res.status} ${got.text}`,
          );
        } else {
          assertProblem(got, 403, 'forbidden');
        }
      }
    });
  }
});

describe('validation', () => {
  test('malformed JSON is a 400 problem', async () => {
    assertProblem(
      await call('PUT', '/v1/apps/bad', auth('admin'), '{"source": '),
      400,
      'malformed-json',
    );
  });
  test('unknown fields are named', async () => {
    const r = await call('PUT', '/v1/apps/bad', auth('admin'), { ...app, colour: 'blue' });
    assertProblem(r, 400, 'validation');
    const errors = r.json()['errors'] as { path: string; message: string }[];
    assert.ok(
      errors.some((e) => e.path === 'body.colour' && e.message === "unknown field 'colour'"),
      JSON.stringify(errors),
    );
  });
  test('a nested unknown field is named too', async () => {
    const r = await call('PUT', '/v1/hosts/bad', auth('admin'), { ...host, labels: {}, colour: 1 });
    assertProblem(r, 400, 'validation');
    assert.match(r.text, /colour/);
  });
  test('names must match the pattern', async () => {
    for (const name of ['Hello', '-x', 'a.b', 'x'.repeat(64), 'a%2Fb', '..%2F..%2Fetc']) {
      assertProblem(await call('PUT', `/v1/apps/${name}`, auth('admin'), app), 400, 'validation');
    }
    assertProblem(await call('GET', '/v1/hosts/UPPER', auth('read')), 400, 'validation');
  });
  test('a missing required field is a 400', async () => {
    const r = await call('PUT', '/v1/hosts/bad', auth('admin'), { logger_url: 'http://x:1' });
    assertProblem(r, 400, 'validation');
    assert.match(r.text, /supervisor_url/);
  });
  test('a body over 1 MiB is a 413', async () => {
    const big = { ...app, environment: { BIG: 'x'.repeat(1024 * 1024 + 10) } };
    assertProblem(await call('PUT', '/v1/apps/big', auth('admin'), big), 413, 'payload-too-large');
  });
  test('unknown routes are 404 problems', async () => {
    assertProblem(await call('GET', '/v1/nothing-here', auth('read')), 404, 'not-found');
    assertProblem(await call('GET', '/v1/apps/nobody', auth('read')), 404, 'not-found');
    assertProblem(await call('DELETE', '/v1/hosts/nobody', auth('admin')), 404, 'not-found');
  });
  test('fleet routes answer 404 for an unknown host', async () => {
    assertProblem(await call('GET', '/v1/hosts/x/programs/y/log', auth('read')), 404, 'not-found');
  });
});

describe('CRUD with ETag and If-Match', () => {
  test('an app round-trips and secrets show by name only', async () => {
    const created = await call('PUT', '/v1/apps/hello', auth('admin'), app);
    assert.equal(created.res.status, 201);
    assert.equal(created.res.headers.get('x-drover-outcome'), 'created');
    const etag1 = created.res.headers.get('etag');
    assert.match(etag1 ?? '', /^"[0-9a-f]{16}"$/);
    const body = created.json();
    assert.deepEqual(body['secret_names'], ['DATABASE_PASSWORD']);
    assert.equal(body['secrets'], undefined);

    const got = await call('GET', '/v1/apps/hello', auth('read'));
    assert.equal(got.res.status, 200);
    assert.equal(got.res.headers.get('etag'), etag1);
    const view = got.json();
    assert.deepEqual(view['processes'], app.processes);
    assert.deepEqual(view['stages'], {
      production: { hosts: ['web-1'], strategy: { type: 'groups', limit: 1, auto_revert: true } },
    });
    assert.equal(view['keep_releases'], 5);

    const same = await call('PUT', '/v1/apps/hello', auth('admin'), app);
    assert.equal(same.res.status, 200);
    assert.equal(same.res.headers.get('x-drover-outcome'), 'unchanged');
    assert.equal(same.res.headers.get('etag'), etag1);

    const stale = await call(
      'PUT',
      '/v1/apps/hello',
      { ...auth('admin'), 'If-Match': '"0000000000000000"' },
      app,
    );
    assertProblem(stale, 412, 'precondition-failed');

    const changed = await call(
      'PUT',
      '/v1/apps/hello',
      { ...auth('admin'), 'If-Match': etag1 ?? '' },
      { ...app, keep_releases: 3 },
    );
    assert.equal(changed.res.status, 200);
    assert.equal(changed.res.headers.get('x-drover-outcome'), 'updated');
    const etag2 = changed.res.headers.get('etag');
    assert.notEqual(etag2, etag1);
    assert.equal(changed.json()['keep_releases'], 3);

    assertProblem(
      await call('DELETE', '/v1/apps/hello', { ...auth('admin'), 'If-Match': etag1 ?? '' }),
      412,
      'precondition-failed',
    );
    const del = await call('DELETE', '/v1/apps/hello', {
      ...auth('admin'),
      'If-Match': etag2 ?? '',
    });
    assert.equal(del.res.status, 204);
    assertProblem(await call('GET', '/v1/apps/hello', auth('read')), 404, 'not-found');
  });

  test('If-Match on a PUT of something missing fails', async () => {
    assertProblem(
      await call('PUT', '/v1/hosts/ghost', { ...auth('admin'), 'If-Match': '"abc"' }, host),
      412,
      'precondition-failed',
    );
  });

  test('hosts round-trip and list in name order', async () => {
    for (const name of ['web-2', 'web-1']) {
      assert.equal((await call('PUT', `/v1/hosts/${name}`, auth('admin'), host)).res.status, 201);
    }
    const list = await call('GET', '/v1/hosts', auth('read'));
    const names = (list.json()['hosts'] as { name: string }[]).map((x) => x.name);
    assert.deepEqual(
      names.filter((n) => n.startsWith('web-')),
      ['web-1', 'web-2'],
    );
    const one = (await call('GET', '/v1/hosts/web-1', auth('read'))).json();
    assert.deepEqual(one['environment'], { PORT: '8080' });
    assert.deepEqual(one['labels'], { region: 'eu' });
  });

  test('text/plain answers are short human summaries', async () => {
    await call('PUT', '/v1/apps/chat', auth('admin'), app);
    const one = await call('GET', '/v1/apps/chat', { ...auth('read'), Accept: 'text/plain' });
    assert.match(one.res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(one.text, /^app chat: git file:\/\/\/srv\/git\/hello\.git@main\n/);
    assert.match(one.text, /processes: web×2/);
    const list = await call('GET', '/v1/apps', { ...auth('read'), Accept: 'text/plain' });
    assert.match(list.text, /^APP +SOURCE +PROCESSES +STAGES\n/);
    assert.match(list.text, /\nchat +git /);
    const hosts = await call('GET', '/v1/hosts', { ...auth('read'), Accept: 'text/plain' });
    assert.match(hosts.text, /^HOST +SUPERVISOR +LOGGER +ROLES\n/);
    const host1 = await call('GET', '/v1/hosts/web-1', { ...auth('read'), Accept: 'text/plain' });
    assert.match(host1.text, /^host web-1: supervisor http:\/\/127\.0\.0\.1:7701/);
  });
});

describe('replicas and secrets', () => {
  test('two schedulers on one Redis see the same data', async () => {
    const other = await h.startAnother();
    try {
      const put = await fetch(`${other.url}/v1/hosts/shared-host`, {
        method: 'PUT',
        headers: { ...auth('admin'), 'Content-Type': 'application/json' },
        body: JSON.stringify(host),
      });
      assert.equal(put.status, 201);
      const got = await call('GET', '/v1/hosts/shared-host', auth('read'));
      assert.equal(got.res.status, 200);
      assert.equal(got.res.headers.get('etag'), put.headers.get('etag'));
    } finally {
      await other.stop();
    }
  });

  test('secrets never appear in a response or a log line', async () => {
    const secret = app.secrets.DATABASE_PASSWORD;
    const responses: string[] = [];
    responses.push((await call('PUT', '/v1/apps/secretive', auth('admin'), app)).text);
    responses.push((await call('GET', '/v1/apps/secretive', auth('read'))).text);
    responses.push(
      (await call('GET', '/v1/apps/secretive', { ...auth('read'), Accept: 'text/plain' })).text,
    );
    responses.push((await call('GET', '/v1/apps', auth('read'))).text);
    responses.push(
      (await call('PUT', '/v1/apps/secretive', auth('admin'), { ...app, bogus: secret })).text,
    );
    for (const r of responses) assert.ok(!r.includes(secret), `response leaked the secret: ${r}`);
    assert.ok(h.logLines.length > 0);
    for (const line of h.logLines) {
      assert.ok(!line.includes(secret), `log line leaked the secret: ${line}`);
      for (const t of Object.values({ a: 'admin-token-0123456789abcdef' }))
        assert.ok(!line.includes(t));
    }
  });

  test('health reports Redis', async () => {
    const r = await call('GET', '/v1/health', {});
    assert.deepEqual(r.json(), { status: 'ok', version: '0.1.0', redis: 'up' });
    const metrics = await call('GET', '/metrics', auth('read'));
    assert.match(
      metrics.text,
      /drover_http_requests_total\{method="GET",route="\/v1\/health",status="200"\} \d+/,
    );
  });
});
