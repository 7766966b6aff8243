import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  droverArgv,
  repoRoot,
  startChild,
  tempDir,
  waitFor,
  type TempDir,
} from '@drover/contracts/testing';
import {
  checkNumbered,
  linesOnDisk,
  makeHeldFifo,
  startFifoProducer,
  startLogger,
  textOf,
  writeConfig,
  type LoggerProcess,
} from './helpers.js';

let tmp: TempDir;
const running = new Set<LoggerProcess>();
const fifos: { close(): void }[] = [];

before(() => {
  tmp = tempDir('drover-logger-life-');
});

after(async () => {
  for (const l of running) await l.child.stop('SIGKILL');
  for (const f of fifos) f.close();
  tmp.remove();
});

async function start(configFile: string): Promise<LoggerProcess> {
  const l = await startLogger(configFile);
  running.add(l);
  return l;
}

async function stop(l: LoggerProcess, signal: NodeJS.Signals) {
  const result = await l.child.stop(signal, 20_000);
  running.delete(l);
  return result;
}

test('a second logger on the same root refuses to start', async () => {
  const root = join(tmp.path, 'lock');
  const first = await start(await writeConfig(tmp.path, { root }));
  const { command, args } = droverArgv('logger', '--config', await writeConfig(tmp.path, { root }));
  const second = startChild(command, args, { cwd: repoRoot });
  const { code } = await second.exited;
  assert.equal(code, 1);
  assert.match(second.output(), /another logger is running on this root/);
  // The first one is unaffected, and after it stops, the root is free again.
  assert.equal((await fetch(`${first.url}/v1/health`)).status, 200);
  assert.deepEqual(await stop(first, 'SIGTERM'), { code: 0, signal: null });
  const third = await start(await writeConfig(tmp.path, { root }));
  assert.deepEqual(await stop(third, 'SIGTERM'), { code: 0, signal: null });
});

test('SIGTERM under HTTP load: exit 0 and every answered line is on disk, once', async () => {
  const root = join(tmp.path, 'term');
  const logger = await start(
    await writeConfig(tmp.path, { root, rotate: { max_bytes: '32KiB', keep: 1000 } }),
  );
  const confirmed = [0, 0, 0, 0];
  const posters = confirmed.map(async (_, p) => {
    for (let i = 0; ; i += 200) {
      let body = '';
      for (let j = i; j < i + 200; j++) body += `h${p} ${j}\n`;
      try {
        const res = await fetch(`${logger.url}/v1/logs/term?stream=out`, {
          method: 'POST',
          headers: { Authorization: 'Bearer logger-test-token', 'Content-Type': 'text/plain' },
          body,
        });
        if (res.status !== 200) return;
        confirmed[p] = i + 200;
      } catch {
        return; // the logger has gone
      }
    }
  });
  await waitFor('some lines written', () => confirmed.every((c) => c >= 2000), {
    timeoutMs: 60_000,
  });
  assert.deepEqual(await stop(logger, 'SIGTERM'), { code: 0, signal: null });
  await Promise.all(posters);
  const texts = linesOnDisk(root, 'term').map(textOf);
  confirmed.forEach((count, p) => {
    const mine = texts.filter((t) => t.startsWith(`h${p} `));
    // Everything answered is there; an unanswered last batch may be there too, whole.
    assert.ok(
      mine.length === count || mine.length === count + 200,
      `h${p}: ${mine.length} vs ${count}`,
    );
    assert.equal(checkNumbered(mine, [`h${p}`], mine.length), undefined);
  });
});

test('a FIFO producer keeps writing while the logger restarts (SIGTERM) and every line arrives once', async () => {
  const root = join(tmp.path, 'restart');
  const ingest = join(tmp.path, 'restart-fifo');
  fifos.push(makeHeldFifo(ingest, 'app.out'));
  const config = await writeConfig(tmp.path, {
    root,
    ingest,
    rotate: { max_bytes: '256KiB', keep: 1000 },
  });
  let logger = await start(config);
  const lines = 60_000;
  // ~700 writes of 4 KiB, 3 ms apart: the producer is still writing across both restarts.
  const producer = startFifoProducer(join(ingest, 'app.out'), 'p', lines, 40, 3);
  for (let round = 0; round < 2; round++) {
    const before = linesOnDisk(root, 'app').length;
    await waitFor(
      'the logger to write more',
      () => linesOnDisk(root, 'app').length > before + 1000,
      {
        timeoutMs: 60_000,
      },
    );
    assert.equal(producer.proc.exitCode, null, 'the producer is still writing');
    assert.deepEqual(await stop(logger, 'SIGTERM'), { code: 0, signal: null });
    logger = await start(config);
  }
  assert.equal((await producer.exited).code, 0);
  await waitFor('every line on disk', () => linesOnDisk(root, 'app').length >= lines, {
    timeoutMs: 60_000,
  });
  const texts = linesOnDisk(root, 'app').map(textOf);
  assert.equal(texts.length, lines);
  assert.equal(
    checkNumbered(
      texts.map((t) => t.split(' ').slice(0, 2).join(' ')),
      ['p'],
      lines,
    ),
    undefined,
  );
  assert.deepEqual(await stop(logger, 'SIGTERM'), { code: 0, signal: null });
});

test('SIGKILL loses at most what was read but not written (the bound is measured)', async (t) => {
  const root = join(tmp.path, 'kill');
  const ingest = join(tmp.path, 'kill-fifo');
  fifos.push(makeHeldFifo(ingest, 'app.out'));
  const config = await writeConfig(tmp.path, {
    root,
    ingest,
    rotate: { max_bytes: '1MiB', keep: 1000 },
  });
  let logger = await start(config);
  const lines = 100_000;
  const pad = 90;
  const producer = startFifoProducer(join(ingest, 'app.out'), 'p', lines, pad);
  await waitFor('a few MB written', () => linesOnDisk(root, 'app').length > 20_000, {
    timeoutMs: 60_000,
  });
  await stop(logger, 'SIGKILL');
  logger = await start(config);
  assert.equal((await producer.exited).code, 0);
  await waitFor('the producer drained', async () => {
    const m = await (
      await fetch(`${logger.url}/metrics`, {
        headers: { Authorization: 'Bearer logger-test-token' },
      })
    ).text();
    return (
      /drover_logger_buffered_bytes\{program="app"\} 0\n/.test(m) &&
      linesOnDisk(root, 'app').some((l) => l.endsWith(` p ${lines - 1} ${'x'.repeat(pad)}`))
    );
  });
  const seen: number[] = [];
  for (const line of linesOnDisk(root, 'app')) {
    const m = /^\S+ out p (\d+) x+$/.exec(line);
    if (m) seen.push(Number(m[1]));
  }
  // In order, no duplicates; what is missing is one run of lines cut by the kill.
  for (let i = 1; i < seen.length; i++)
    assert.ok((seen[i] ?? 0) > (seen[i - 1] ?? 0), `order at ${i}`);
  const missing = lines - seen.length;
  const lineBytes = `p ${lines} `.length + pad + 1;
  const lostBytes = missing * lineBytes;
  t.diagnostic(`SIGKILL lost ${missing} lines (~${Math.round(lostBytes / 1024)} KiB of input)`);
  assert.ok(lostBytes <= 512 * 1024 + 64 * 1024 + 2 * lineBytes, `lost ${lostBytes} bytes`);
  assert.deepEqual(await stop(logger, 'SIGTERM'), { code: 0, signal: null });
});
