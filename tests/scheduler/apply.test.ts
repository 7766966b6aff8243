import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '@drover/contracts/http';
import {
  droverArgv,
  freePort,
  startChild,
  startRedis,
  tempDir,
  waitFor,
  type Child,
  type TestRedis,
  type TempDir,
} from '@drover/contracts/testing';

const TOKEN = 'apply-test-admin-token-0123456789';
let redis: TestRedis;
let dir: TempDir;
let scheduler: Child;
let url: string;

before(async () => {
  redis = await startRedis();
  dir = tempDir();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const config = join(dir.path, 'scheduler.yaml');
  writeFileSync(
    config,
    `listen: 127.0.0.1:${port}\nredis: ${redis.url}\nvalidate_responses: true\ntokens:\n  - { name: admin, scopes: [admin], sha256: ${sha256Hex(TOKEN)} }\n`,
  );
  const { command, args } = droverArgv('scheduler', '--config', config);
  scheduler = startChild(command, args);
  await waitFor('scheduler', async () => (await fetch(`${url}/v1/health`)).ok, {
    timeoutMs: 20_000,
  });
});
after(async () => {
  await scheduler.stop();
  await redis.stop();
  dir.remove();
});

async function apply(
  file: string,
  ...extra: string[]
): Promise<{ code: number | null; out: string }> {
  const { command, args } = droverArgv('apply', '-f', file, ...extra);
  const child = startChild(command, args, {
    env: { ...process.env, DROVER_URL: url, DROVER_TOKEN: TOKEN, DB_PASSWORD: 'from-the-env' },
  });
  const { code } = await child.exited;
  return { code, out: child.output() };
}

const fleet = `
hosts:
  h1: { supervisor_url: 'http://127.0.0.1:7701', logger_url: 'http://127.0.0.1:7702', environment: { PORT: '8080' } }
  h2: { supervisor_url: 'http://127.0.0.1:7711', logger_url: 'http://127.0.0.1:7712' }
apps:
  web:
    source: { git: { url: 'file:///srv/web.git', ref: main } }
    secrets: { DB_PASSWORD: '\${DB_PASSWORD}' }
    processes: { web: { command: 'node server.js' } }
    stages: { production: { hosts: [h1, h2] } }
`;

test('apply creates, then changes nothing the second time, then prunes', async () => {
  const file = join(dir.path, 'fleet.yaml');
  writeFileSync(file, fleet);
  const first = await apply(file);
  assert.equal(first.code, 0, first.out);
  assert.equal(first.out, 'host h1: created\nhost h2: created\napp web: created\n');

  const before = await fetch(`${url}/v1/apps/web`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  const second = await apply(file);
  assert.equal(second.code, 0, second.out);
  assert.equal(second.out, 'host h1: unchanged\nhost h2: unchanged\napp web: unchanged\n');
  const afterSecond = await fetch(`${url}/v1/apps/web`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(afterSecond.headers.get('etag'), before.headers.get('etag'));
  const body = (await afterSecond.json()) as { secret_names: string[]; updated_at: string };
  assert.deepEqual(body.secret_names, ['DB_PASSWORD']);
  assert.equal(body.updated_at, ((await before.json()) as { updated_at: string }).updated_at);

  writeFileSync(file, fleet.replace(/  h2: .*\n/, '').replace('hosts: [h1, h2]', 'hosts: [h1]'));
  const pruned = await apply(file, '--prune');
  assert.equal(pruned.code, 0, pruned.out);
  assert.equal(pruned.out, 'host h1: unchanged\napp web: updated\nhost h2: deleted\n');
  const gone = await fetch(`${url}/v1/hosts/h2`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(gone.status, 404);
});

test('apply reports a bad file in one line and exits non-zero', async () => {
  const file = join(dir.path, 'bad.yaml');
  writeFileSync(file, 'hosts:\n  BadName: { supervisor_url: x, logger_url: y }\n');
  const bad = await apply(file);
  assert.equal(bad.code, 2);
  assert.equal(bad.out.trim().split('\n').length, 1, bad.out);
  assert.match(bad.out, /hosts\.BadName/);

  writeFileSync(file, 'hosts:\n  ok: { supervisor_url: not-a-url, logger_url: y }\n');
  const rejected = await apply(file);
  assert.equal(rejected.code, 2, rejected.out);
  assert.match(rejected.out, /^drover: host ok: .*supervisor_url.*\(HTTP 400\)\n$/);
});
