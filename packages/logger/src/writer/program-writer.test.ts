import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createLog } from '@drover/contracts';
import { tempDir } from '@drover/contracts/testing';
import { createClock } from '../clock/timestamp-clock.js';
import type { RotatePolicy } from '../config/logger-config.js';
import { LineFramer } from '../ingest/line-framer.js';
import { createLoggerMetrics } from '../metrics/logger-metrics.js';
import { nodeLogFs } from '../storage/log-fs.js';
import { ProgramWriter } from './program-writer.js';

function makeWriter(dir: string, policy: Partial<RotatePolicy> = {}, maxLine = 16) {
  return new ProgramWriter({
    program: 'p',
    dir,
    policy: () => ({ maxBytes: 1 << 20, keep: 5, maxAgeMs: null, compress: false, ...policy }),
    maxLine: () => maxLine,
    retryMs: () => 10,
    clock: createClock(),
    fs: nodeLogFs,
    log: createLog('test', { level: 'silent' }),
    metrics: createLoggerMetrics().forProgram('p'),
  });
}

const records = (dir: string, file = 'current') =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.slice(28));

test('lines longer than max_line are split; all parts but the last are tagged as continued', async () => {
  const tmp = tempDir();
  const w = makeWriter(tmp.path);
  const body = Buffer.from(`short\n${'a'.repeat(16)}${'b'.repeat(16)}${'c'.repeat(4)}\nend`);
  const { mark, lines } = w.appendText('err', body);
  assert.equal(lines, 5);
  await w.whenWritten(mark);
  await w.close();
  assert.deepEqual(records(tmp.path), [
    'err short',
    `err+ ${'a'.repeat(16)}`,
    `err+ ${'b'.repeat(16)}`,
    'err cccc',
    'err end',
  ]);
  tmp.remove();
});

test('the FIFO framer joins lines across reads and passes an overlong partial line on in parts', async () => {
  const tmp = tempDir();
  const w = makeWriter(tmp.path);
  const framer = new LineFramer(w, 'out', () => 16);
  framer.push(Buffer.from('one\ntw'));
  framer.push(Buffer.from('o\nthr'));
  framer.push(Buffer.from('ee\n' + 'x'.repeat(40)));
  framer.flushPartial();
  await w.flush();
  await w.close();
  assert.deepEqual(records(tmp.path), [
    'out one',
    'out two',
    'out three',
    `out+ ${'x'.repeat(16)}`,
    `out+ ${'x'.repeat(16)}`,
    `out+ ${'x'.repeat(8)}`,
  ]);
  tmp.remove();
});

test('rotation keeps every file within max_bytes, on line boundaries, and only keep archives', async () => {
  const tmp = tempDir();
  const w = makeWriter(tmp.path, { maxBytes: 400, keep: 3 }, 1000);
  let body = '';
  for (let i = 0; i < 100; i++) body += `line ${i}\n`;
  await w.whenWritten(w.appendText('out', Buffer.from(body)).mark);
  await w.close();
  const files = readdirSync(tmp.path).sort();
  assert.equal(files.filter((f) => f.startsWith('@')).length, 3);
  for (const f of files) {
    const text = readFileSync(join(tmp.path, f), 'utf8');
    assert.ok(text.length <= 400, `${f} has ${text.length} bytes`);
    assert.ok(text === '' || text.endsWith('\n'));
  }
  const kept = files.flatMap((f) => records(tmp.path, f));
  assert.equal(kept.at(-1), 'out line 99');
  tmp.remove();
});

test('current older than max_age is rotated by its timer', async () => {
  const tmp = tempDir();
  const w = makeWriter(tmp.path, { maxAgeMs: 50 }, 1000);
  await w.whenWritten(w.appendText('out', Buffer.from('aged\n')).mark);
  const { waitFor } = await import('@drover/contracts/testing');
  const archive = await waitFor('an archive', () =>
    readdirSync(tmp.path).find((f) => f.startsWith('@')),
  );
  assert.deepEqual(records(tmp.path, archive), ['out aged']);
  assert.equal(readFileSync(join(tmp.path, 'current'), 'utf8'), '');
  await w.close();
  tmp.remove();
});
