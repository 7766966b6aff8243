import assert from 'node:assert/strict';
import { readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir, type TempDir } from '@drover/contracts/testing';
import {
  archiveCount,
  checkNumbered,
  linesOnDisk,
  makeHeldFifo,
  postNumbered,
  startFifoProducer,
  startLogger,
  textOf,
  writeConfig,
  type LoggerProcess,
} from './helpers.js';

const LINES = 20_000;
let tmp: TempDir;
let logger: LoggerProcess | undefined;
const fifos: { close(): void }[] = [];

before(() => {
  tmp = tempDir('drover-logger-once-');
});

after(async () => {
  await logger?.child.stop('SIGTERM');
  for (const f of fifos) f.close();
  tmp.remove();
});

test('8 producers x 20 000 lines through FIFOs and HTTP: every line once, in order, 64 KiB rotations', async () => {
  const root = join(tmp.path, 'logs');
  const ingest = join(tmp.path, 'fifo');
  // Two FIFOs (out and err) shared by two producers each, four HTTP producers.
  fifos.push(makeHeldFifo(ingest, 'load.out'), makeHeldFifo(ingest, 'load.err'));
  const configFile = await writeConfig(tmp.path, {
    root,
    ingest,
    rotate: { max_bytes: '64KiB', keep: 10_000 },
    log_level: 'info',
  });
  logger = await startLogger(configFile);
  const client = logger.client;

  const producers = ['f0', 'f1', 'f2', 'f3', 'h0', 'h1', 'h2', 'h3'];
  const children = ['f0', 'f1', 'f2', 'f3'].map((p, i) =>
    startFifoProducer(join(ingest, i % 2 === 0 ? 'load.out' : 'load.err'), p, LINES),
  );
  await Promise.all([
    ...children.map(async (c) => {
      const { code } = await c.exited;
      assert.equal(code, 0, c.output());
    }),
    ...['h0', 'h1', 'h2', 'h3'].map((p, i) =>
      postNumbered(client, 'load', p, LINES, 500 + i * 250, i % 2 === 0 ? 'out' : 'err'),
    ),
  ]);

  const total = producers.length * LINES;
  // FIFO lines are written shortly after the producers exit; HTTP ones before the answer.
  const { waitFor } = await import('@drover/contracts/testing');
  await waitFor('every line on disk', () => linesOnDisk(root, 'load').length >= total, {
    timeoutMs: 60_000,
  });
  const onDisk = linesOnDisk(root, 'load');
  assert.equal(onDisk.length, total);
  assert.equal(checkNumbered(onDisk.map(textOf), producers, LINES), undefined);
  const archives = readdirSync(join(root, 'load')).filter((n) => n.startsWith('@'));
  assert.ok(archives.length > 50, `expected many rotations, got ${archives.length}`);

  // Reading through the API gives the same lines, across every archive and current.
  const { data, response } = await client.GET('/v1/logs/{program}', {
    params: { path: { program: 'load' } },
    parseAs: 'text',
  });
  assert.equal(response.status, 200);
  const read = (data ?? '').split('\n').filter((l) => l !== '');
  assert.deepEqual(read, onDisk);

  const metrics = (await client.GET('/metrics', { parseAs: 'text' })).data;
  assert.match(metrics ?? '', /drover_logger_dropped_bytes_total\{program="load"\} 0\n/);
  assert.match(
    metrics ?? '',
    new RegExp(`drover_logger_lines_written_total\\{program="load"\\} ${total}\\n`),
  );
});

test('with a small keep (set by SIGHUP) there are never more than keep archives', async () => {
  assert.ok(logger);
  const root = join(tmp.path, 'logs');
  writeFileSync(
    logger.configFile,
    JSON.stringify({
      ...(JSON.parse(readFileSync(logger.configFile, 'utf8')) as object),
      programs: { small: { rotate: { max_bytes: '2KiB', keep: 3 } } },
    }),
  );
  logger.child.proc.kill('SIGHUP');
  await logger.child.waitForOutput('config reloaded');
  await postNumbered(logger.client, 'small', 's', 1, 1);
  let most = 0;
  const watcher = watch(join(root, 'small'), () => {
    most = Math.max(most, archiveCount(root, 'small'));
  });
  try {
    await postNumbered(logger.client, 'small', 't', 3000, 40);
  } finally {
    watcher.close();
  }
  assert.equal(archiveCount(root, 'small'), 3);
  assert.ok(most <= 3, `saw ${most} archives`);
  // What is kept is the newest lines, contiguous, ending with the last one.
  const texts = linesOnDisk(root, 'small').map(textOf);
  const last = texts.at(-1);
  assert.equal(last, 't 2999');
  const first = Number(texts[0]?.split(' ')[1]);
  assert.deepEqual(
    texts,
    Array.from({ length: 3000 - first }, (_, k) => `t ${first + k}`),
  );
});

test('SIGALRM rotates every program', async () => {
  assert.ok(logger);
  const root = join(tmp.path, 'logs');
  const before = archiveCount(root, 'small');
  await postNumbered(logger.client, 'small', 'alarm', 1, 1);
  logger.child.proc.kill('SIGALRM');
  const { waitFor } = await import('@drover/contracts/testing');
  await waitFor(
    'a rotation',
    () => linesOnDisk(root, 'small').length > 0 && readCurrent(root) === '',
  );
  assert.ok(archiveCount(root, 'small') >= Math.min(before, 3));
  assert.equal(linesOnDisk(root, 'small').map(textOf).at(-1), 'alarm 0');
});

function readCurrent(root: string): string {
  return readFileSync(join(root, 'small', 'current'), 'utf8');
}
