import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir, type TempDir } from '@drover/contracts/testing';
import {
  AUTH,
  archiveCount,
  checkNumbered,
  postNumbered,
  readStreamUntil,
  startLogger,
  textOf,
  writeConfig,
  type LoggerProcess,
} from './helpers.js';

let tmp: TempDir;
let logger: LoggerProcess;
let root: string;

before(async () => {
  tmp = tempDir('drover-logger-follow-');
  root = join(tmp.path, 'logs');
  logger = await startLogger(
    await writeConfig(tmp.path, { root, rotate: { max_bytes: '2KiB', keep: 1000 } }),
  );
});

after(async () => {
  await logger.child.stop('SIGTERM');
  tmp.remove();
});

test('follow (chunked text/plain) sees every line, across rotations', async () => {
  await postNumbered(logger.client, 'web', 'old', 50, 50);
  const res = await fetch(`${logger.url}/v1/logs/web?follow=true&tail=0`, { headers: AUTH });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
  const archivesBefore = archiveCount(root, 'web');
  const reading = readStreamUntil(res, (t) => t.includes(' new 1999\n'));
  await postNumbered(logger.client, 'web', 'new', 2000, 37);
  const lines = (await reading).split('\n').filter((l) => l !== '');
  const texts = lines.map(textOf);
  assert.equal(texts.length, 2000);
  assert.equal(checkNumbered(texts, ['new'], 2000), undefined);
  assert.ok(archiveCount(root, 'web') > archivesBefore + 20, 'the follow crossed many rotations');
});

function eventsOf(text: string): { id: string; data: string }[] {
  return text
    .split('\n\n')
    .filter((e) => e.trim() !== '')
    .map((e) => {
      const id = /^id: (.*)$/m.exec(e)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(e)?.[1] ?? '';
      return { id, data };
    });
}

test('SSE follow with Last-Event-ID resumes exactly after the last event seen', async () => {
  await postNumbered(logger.client, 'api', 'a', 300, 20);
  // The whole history as events, then disconnect.
  const first = await fetch(`${logger.url}/v1/logs/api?follow=true`, {
    headers: { ...AUTH, Accept: 'text/event-stream' },
  });
  assert.match(first.headers.get('content-type') ?? '', /^text\/event-stream/);
  const seen = eventsOf(await readStreamUntil(first, (t) => t.includes(' a 299\n\n')));
  assert.equal(seen.length, 300);
  const cut = seen[149];
  assert.ok(cut);
  // Lines written while away (across rotations), then resume from the 150th event.
  await postNumbered(logger.client, 'api', 'b', 300, 20);
  const resumed = await fetch(`${logger.url}/v1/logs/api?follow=true`, {
    headers: { ...AUTH, Accept: 'text/event-stream', 'Last-Event-ID': cut.id },
  });
  const rest = eventsOf(await readStreamUntil(resumed, (t) => t.includes(' b 299\n\n')));
  const texts = rest.map((e) => textOf(e.data));
  assert.deepEqual(texts, [
    ...Array.from({ length: 150 }, (_, i) => `a ${150 + i}`),
    ...Array.from({ length: 300 }, (_, i) => `b ${i}`),
  ]);
  // Ids are unique and increasing.
  const ids = [...seen.slice(0, 150), ...rest].map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
});
