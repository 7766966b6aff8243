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
  type TestRedis,
  type TempDir,
} from '@drover/contracts/testing';

const TOKEN = 'process-test-admin-token-0123456789';
let redis: TestRedis;
let dir: TempDir;

before(async () => {
  redis = await startRedis();
  dir = tempDir();
});
after(async () => {
  await redis.stop();
  dir.remove();
});

function writeConfig(name: string, port: number): string {
  const file = join(dir.path, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `listen: 127.0.0.1:${port}`,
      `redis: ${redis.url}`,
      'prefix: proc',
      'validate_responses: true',
      'tokens:',
      `  - { name: admin, scopes: [admin], sha256: ${sha256Hex(TOKEN)} }`,
    ].join('\n'),
  );
  return file;
}

async function startScheduler(config: string, port: number) {
  const { command, args } = droverArgv('scheduler', '--config', config);
  const child = startChild(command, args);
  await waitFor(
    `scheduler on ${port}`,
    async () => (await fetch(`http://127.0.0.1:${port}/v1/health`)).ok,
    {
      timeoutMs: 20_000,
    },
  );
  return child;
}

const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
const host = { supervisor_url: 'http://127.0.0.1:7701', logger_url: 'http://127.0.0.1:7702' };

test('data survives a scheduler restart, and two scheduler processes share it', async () => {
  const portA = await freePort();
  const portB = await freePort();
  const a = await startScheduler(writeConfig('a', portA), portA);
  const b = await startScheduler(writeConfig('b', portB), portB);
  try {
    const put = await fetch(`http://127.0.0.1:${portA}/v1/hosts/survivor`, {
      method: 'PUT',
      headers,
      body: JSON.stringify(host),
    });
    assert.equal(put.status, 201);
    const fromB = await fetch(`http://127.0.0.1:${portB}/v1/hosts/survivor`, { headers });
    assert.equal(fromB.status, 200);
    assert.equal(
      ((await fromB.json()) as { supervisor_url: string }).supervisor_url,
      host.supervisor_url,
    );

    const stopped = await a.stop('SIGTERM');
    assert.equal(stopped.code, 0, a.output());
    const again = await startScheduler(join(dir.path, 'a.yaml'), portA);
    try {
      const got = await fetch(`http://127.0.0.1:${portA}/v1/hosts/survivor`, { headers });
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('etag'), put.headers.get('etag'));
    } finally {
      await again.stop();
    }
  } finally {
    await a.stop();
    await b.stop();
  }
});

test('a config error exits 2 with one line naming the field', async () => {
  const file = join(dir.path, 'bad.yaml');
  writeFileSync(
    file,
    `redis: ${redis.url}\ntokens:\n  - { name: admin, scopes: [root], sha256: abc }\n`,
  );
  const { command, args } = droverArgv('scheduler', '--config', file);
  const child = startChild(command, args);
  const result = await child.exited;
  assert.equal(result.code, 2);
  const lines = child.output().trim().split('\n');
  assert.equal(lines.length, 1, child.output());
  assert.match(lines[0] ?? '', /^drover: tokens\.0\.scopes\.0: /);
});
