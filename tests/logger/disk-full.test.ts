import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createLog } from '@drover/contracts';
import { tempDir, waitFor } from '@drover/contracts/testing';
import { createLogger, nodeLogFs, resolveLoggerConfig, type LogFs } from '@drover/logger';
import { AUTH, TOKEN_SHA256, linesOnDisk, loggerClient, textOf } from './helpers.js';

/** Mounts a tmpfs of `size` at `dir`; false where mounting is not allowed. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A file layer whose writes fail with ENOSPC while `full` is set (where tmpfs is not allowed). */
function fullableFs(): LogFs & { full: boolean } {
  const fs = {
    full: false,
    openAppend: (path: string) => nodeLogFs.openAppend(path),
    close: (fd: number) => nodeLogFs.close(fd),
    sync: (fd: number) => nodeLogFs.sync(fd),
    write(fd: number, buffer: Buffer, offset: number, length: number): Promise<number> {
      if (fs.full) {
        const err: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device, write');
        err.code = 'ENOSPC';
        return Promise.reject(err);
      }
      return nodeLogFs.write(fd, buffer, offset, length);
    },
  };
  return fs;
}

test('a full disk degrades health, keeps lines in a bounded buffer, and recovers without a crash', async (t) => {
  const tmp = tempDir('drover-logger-enospc-');
  const mnt = join(tmp.path, 'mnt');
  mkdirSync(mnt);
  const mounted = mountTmpfs(mnt, '1m');
  t.diagnostic(mounted ? 'ENOSPC from a 1 MiB tmpfs' : 'tmpfs not allowed: injected ENOSPC');
  const injected = fullableFs();
  const filler = join(mnt, 'filler');
  const root = join(mnt, 'logs');
  const logger = createLogger({
    config: resolveLoggerConfig({
      listen: '127.0.0.1:0',
      root,
      token_sha256: TOKEN_SHA256,
      rotate: { max_bytes: '4MiB', keep: 5, max_age: null, compress: false },
      programs: {},
      max_line: '64KiB',
      buffer_max: '512KiB',
      retry: '20ms',
      stop_timeout: '5s',
      log_level: 'error',
    }),
    log: createLog('logger-test', { level: 'silent' }),
    fs: mounted ? nodeLogFs : injected,
    validateResponses: true,
  });
  const { url } = await logger.start();
  const client = loggerClient(url);
  try {
    const post = (prefix: string, count: number) => {
      let body = '';
      for (let i = 0; i < count; i++) body += `${prefix} ${i} ${'y'.repeat(60)}\n`;
      return fetch(`${url}/v1/logs/app?stream=out`, {
        method: 'POST',
        headers: { ...AUTH, 'Content-Type': 'text/plain' },
        body,
      });
    };
    assert.equal((await post('warm', 10)).status, 200);
    // Fill the disk: ~400 KB of lines no longer fit.
    if (mounted) writeFileSync(filler, Buffer.alloc(1024 * 1024 - 200 * 1024));
    else injected.full = true;
    const blocked = post('big', 4000);
    const health = await waitFor('health to be degraded', async () => {
      const res = await client.GET('/v1/health');
      return res.response.status === 503 ? res.error : undefined;
    });
    assert.equal(health.status, 'degraded');
    assert.equal(health.problems[0]?.program, 'app');
    assert.match(health.problems[0]?.reason ?? '', /ENOSPC/);
    // The buffer is bounded: more than it can hold is refused (503, nothing accepted).
    const refused = await post('refused', 8000);
    assert.equal(refused.status, 503);
    assert.equal(((await refused.json()) as { code: string }).code, 'buffer-full');
    // Room again: the retry writes what was waiting, and the blocked POST is answered.
    if (mounted) rmSync(filler);
    else injected.full = false;
    assert.equal((await blocked).status, 200);
    await waitFor(
      'health to be ok',
      async () => (await client.GET('/v1/health')).response.status === 200,
    );
    assert.equal((await post('after', 10)).status, 200);
    const texts = linesOnDisk(root, 'app').map((l) => textOf(l).split(' ').slice(0, 2).join(' '));
    assert.deepEqual(texts, [
      ...Array.from({ length: 10 }, (_, i) => `warm ${i}`),
      ...Array.from({ length: 4000 }, (_, i) => `big ${i}`),
      ...Array.from({ length: 10 }, (_, i) => `after ${i}`),
    ]);
    const metrics = (await client.GET('/metrics', { parseAs: 'text' })).data ?? '';
    assert.match(metrics, /drover_logger_dropped_bytes_total\{program="app"\} 0\n/);
    assert.match(metrics, /drover_logger_write_errors_total\{program="app",code="ENOSPC"\} [1-9]/);
  } finally {
    await logger.stop();
    if (mounted) execFileSync('umount', [mnt]);
    tmp.remove();
  }
});
