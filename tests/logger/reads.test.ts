import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { LoggerApi } from '@drover/contracts';
import { tempDir, waitFor, type TempDir } from '@drover/contracts/testing';
import {
  AUTH,
  postNumbered,
  startLogger,
  textOf,
  writeConfig,
  type LoggerProcess,
} from './helpers.js';

let tmp: TempDir;
let logger: LoggerProcess;
let root: string;

before(async () => {
  tmp = tempDir('drover-logger-reads-');
  root = join(tmp.path, 'logs');
  logger = await startLogger(
    await writeConfig(tmp.path, { root, rotate: { max_bytes: '1MiB', keep: 10, compress: true } }),
  );
  // Three generations: a and b end up in gzipped archives, c in current.
  await postNumbered(logger.client, 'app', 'a', 100, 100);
  await rotate('app');
  await postNumbered(logger.client, 'app', 'b', 100, 25, 'err');
  await rotate('app');
  await postNumbered(logger.client, 'app', 'c', 3, 3);
  await waitFor('both archives compressed', () => {
    const names = readdirSync(join(root, 'app'));
    return (
      names.filter((n) => n.endsWith('.log.gz')).length === 2 &&
      !names.some((n) => n.endsWith('.log'))
    );
  });
});

after(async () => {
  await logger.child.stop('SIGTERM');
  tmp.remove();
});

async function rotate(program: string) {
  const { data, response } = await logger.client.POST('/v1/logs/{program}/rotate', {
    params: { path: { program } },
  });
  assert.equal(response.status, 200);
  assert.match(data?.archive ?? '', /^@\d{8}T\d{6}\.\d{6}Z\.log\.gz$/);
}

async function read(query: Record<string, string>): Promise<string[]> {
  const { data, response } = await logger.client.GET('/v1/logs/{program}', {
    params: { path: { program: 'app' }, query },
    parseAs: 'text',
  });
  assert.equal(response.status, 200);
  return (data ?? '').split('\n').filter((l) => l !== '');
}

test('a plain read spans gzipped archives and current, in order', async () => {
  const texts = (await read({})).map(textOf);
  assert.equal(texts.length, 203);
  assert.deepEqual(texts.slice(98, 102), ['a 98', 'a 99', 'b 0', 'b 1']);
  assert.equal(texts.at(-1), 'c 2');
});

test('tail reaches back into a gzipped archive', async () => {
  const texts = (await read({ tail: '5' })).map(textOf);
  assert.deepEqual(texts, ['b 98', 'b 99', 'c 0', 'c 1', 'c 2']);
});

test('since/until select a time range inside gzipped archives', async () => {
  const all = await read({});
  const stampOf = (text: string) => all.find((l) => textOf(l) === text)?.slice(0, 27) ?? '';
  // b was posted in batches of 25, each batch with its own timestamp: select batches 2 and 3.
  const since = stampOf('b 25');
  const until = stampOf('b 74');
  const texts = (await read({ since, until })).map(textOf);
  assert.deepEqual(
    texts,
    Array.from({ length: 50 }, (_, i) => `b ${25 + i}`),
  );
  // Offsets other than Z are understood.
  const plusTwo = new Date(Date.parse(since) + 2 * 3600_000).toISOString().replace('Z', '');
  const shifted = `${plusTwo.slice(0, 19)}.${since.slice(20, 26)}+02:00`;
  assert.deepEqual((await read({ since: shifted, until })).map(textOf), texts);
});

test('grep and stream filter, combined with tail', async () => {
  assert.deepEqual((await read({ grep: 'a 9', tail: '3' })).map(textOf), ['a 97', 'a 98', 'a 99']);
  const errs = await read({ stream: 'err' });
  assert.equal(errs.length, 100);
  assert.ok(errs.every((l) => / err b \d+$/.test(l)));
});

test('GET /v1/logs lists programs with files and bytes', async () => {
  const { data } = await logger.client.GET('/v1/logs', { headers: { Accept: 'application/json' } });
  // The operation also answers text/plain; this call asked for JSON.
  const list = data as LoggerApi.components['schemas']['LogList'] | undefined;
  const app = list?.programs.find((p) => p.program === 'app');
  assert.equal(app?.files, 3);
  assert.ok((app?.bytes ?? 0) > 0);
});

/** A request with the path exactly as given (fetch would normalise `..` away). */
function rawRequest(method: string, path: string): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: new URL(logger.url).port,
        path,
        method,
        headers: { ...AUTH, 'Content-Type': 'text/plain' },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '' }),
        );
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? 'x\n' : undefined);
  });
}

test('names that could leave root are rejected with 400; unknown programs are 404', async () => {
  for (const bad of [
    '..',
    '%2e%2e',
    '..%2F..%2Fetc',
    '%2E%2E%2Fescape',
    '.hidden',
    'UPPER',
    'a%2Fb',
    'a%00b',
  ]) {
    for (const method of ['GET', 'POST']) {
      const res = await rawRequest(method, `/v1/logs/${bad}`);
      assert.equal(res.status, 400, `${method} ${bad}`);
      assert.match(res.type, /application\/problem\+json/);
    }
  }
  assert.equal((await rawRequest('POST', '/v1/logs/..%2F..%2Fetc/rotate')).status, 400);
  assert.equal((await rawRequest('GET', '/v1/logs/nope')).status, 404);
  assert.deepEqual(
    readdirSync(tmp.path).sort(),
    ['logs', ...readdirSync(tmp.path).filter((n) => n.endsWith('.yaml'))].sort(),
  );
  assert.deepEqual(readdirSync(root), ['.lock', 'app']);
});

test('reads and writes need the token', async () => {
  assert.equal((await fetch(`${logger.url}/v1/logs/app`)).status, 401);
  const wrong = await fetch(`${logger.url}/v1/logs/app`, {
    headers: { Authorization: 'Bearer nope' },
  });
  assert.equal(wrong.status, 401);
  assert.equal((await fetch(`${logger.url}/v1/health`)).status, 200);
});
