import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { droverArgv, repoRoot, startChild, tempDir } from '@drover/contracts/testing';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

test('drover up serves the API, applies the local fleet, and stops cleanly', async () => {
  const dir = tempDir();
  const env = { ...process.env };
  delete env['REDIS_URL'];
  try {
    const { command, args } = droverArgv(
      'up',
      '--home',
      join(dir.path, 'home'),
      '--listen',
      '127.0.0.1:0',
      '--file',
      join(repoRoot, 'examples/fleet.local.yaml'),
    );
    const up = startChild(command, args, { env });
    try {
      const line = await up.waitForOutput(/drover is up: (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
      const url = line.replace('drover is up: ', '');
      await up.waitForOutput('Ctrl-C stops everything.');
      const health = await fetch(`${url}/v1/health`);
      assert.equal(health.status, 200);
      assert.match(up.output(), /admin token \(shown once, kept in .*admin\.token\): drv_/);
      const tokenFile = join(dir.path, 'home', 'admin.token');
      assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
      const token = readFileSync(tokenFile, 'utf8').trim();
      const apps = await fetch(`${url}/v1/apps`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/plain' },
      });
      assert.match(await apps.text(), /\nhello +git file:\/\/.*\/home\/git\/hello\.git@main/);
      const port = Number(new URL(url).port);

      up.proc.kill('SIGTERM');
      const result = await up.exited;
      assert.equal(result.code, 0, up.output());
      assert.match(up.output(), /stopped\n$/);
      assert.equal(await portOpen(port), false, 'scheduler still listening after stop');
    } finally {
      await up.stop('SIGKILL');
    }

    // A second start reuses the token and the registry (Redis's append-only file).
    const again = startChild(command, args, { env });
    try {
      await again.waitForOutput('Ctrl-C stops everything.', 30_000);
      assert.match(
        again.output(),
        /host local-1 unchanged, host local-2 unchanged, app hello unchanged/,
      );
      assert.match(again.output(), /admin token: in /);
      again.proc.kill('SIGINT');
      assert.equal((await again.exited).code, 0);
    } finally {
      await again.stop('SIGKILL');
    }
  } finally {
    dir.remove();
  }
});
