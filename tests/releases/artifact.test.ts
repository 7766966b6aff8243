import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { call, deploy, startHost, tempDir, type Host, type Release } from './helpers.js';

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('releases: artifact sources (download, sha256, unpack, refusals)', () => {
  let host: Host;
  let server: Server;
  let base: string;
  const src = tempDir('drover-rel-art-');
  const files = (name: string) => join(src.path, name);
  let n = 0;
  const nextId = () => `2025010100${String(++n).padStart(4, '0')}`;

  before(async () => {
    const content = files('content');
    mkdirSync(join(content, 'bin'), { recursive: true });
    writeFileSync(join(content, 'VERSION'), 'art-1\n');
    writeFileSync(join(content, 'bin', 'run'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
    symlinkSync('bin/run', join(content, 'run-link')); // a link that stays inside is fine
    execFileSync('tar', ['-czf', files('good.tar.gz'), '-C', content, '.']);
    execFileSync('tar', ['-cf', files('good.tar'), '-C', content, '.']);
    writeFileSync(files('outside.txt'), 'escaped\n');
    // GNU tar keeps `../` only with -P: the archive a hostile build would hand over.
    execFileSync('tar', ['-cPf', files('dotdot.tar'), '-C', content, '../outside.txt']);
    const evil = files('evil');
    mkdirSync(evil);
    symlinkSync('/etc', join(evil, 'etc'));
    execFileSync('tar', ['-czf', files('symlink-out.tgz'), '-C', evil, '.']);
    writeFileSync(files('tool.bin'), 'plain file\n');
    server = createServer((req, res) => {
      const name = (req.url ?? '/').slice(1);
      if (!/^[a-z.-]+$/.test(name) || !existsSync(files(name))) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.end(readFileSync(files(name)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    host = await startHost();
  });
  after(async () => {
    await host.close();
    await new Promise((resolve) => server.close(resolve));
    src.remove();
  });

  async function prepare(url: string, sum: string, extra: Record<string, unknown> = {}) {
    const id = nextId();
    const r = await call<Release & { code: string; detail: string }>(
      host.url,
      'POST',
      '/v1/apps/art/releases',
      {
        ...deploy('d-art'),
        id,
        revision: sum,
        source: { artifact: { url, sha256: sum, ...extra } },
      },
    );
    return { id, ...r };
  }

  it('downloads a .tar.gz over HTTP, checks its sha256 and unpacks it; .tar over file:// too', async () => {
    const gz = await prepare(`${base}/good.tar.gz`, sha256(files('good.tar.gz')));
    assert.equal(gz.status, 200, gz.text);
    assert.equal(gz.body.revision, sha256(files('good.tar.gz')));
    const dir = join(host.appDir('art'), 'releases', gz.id);
    assert.equal(readFileSync(join(dir, 'VERSION'), 'utf8'), 'art-1\n');
    assert.equal(readFileSync(join(dir, 'run-link'), 'utf8'), '#!/bin/sh\necho hi\n');
    const tar = await prepare(`file://${files('good.tar')}`, sha256(files('good.tar')));
    assert.equal(tar.status, 200, tar.text);
    const plain = await prepare(`${base}/tool.bin`, sha256(files('tool.bin')));
    assert.equal(plain.status, 200, plain.text);
    const plainDir = join(host.appDir('art'), 'releases', plain.id);
    assert.equal(readFileSync(join(plainDir, 'tool.bin'), 'utf8'), 'plain file\n');
  });

  it('refuses a wrong sha256, entries outside the release, a size over the limit, a 404', async () => {
    const wrong = await prepare(`${base}/good.tar.gz`, 'a'.repeat(64));
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.code, 'bad-artifact');
    assert.match(wrong.body.detail, /sha256 is [0-9a-f]{64}, expected a{64}/);

    const dotdot = await prepare(`file://${files('dotdot.tar')}`, sha256(files('dotdot.tar')));
    assert.equal(dotdot.status, 422);
    assert.match(dotdot.body.detail, /'\.\.' in '\.\.\/outside\.txt'/);

    const link = await prepare(`${base}/symlink-out.tgz`, sha256(files('symlink-out.tgz')));
    assert.equal(link.status, 422);
    assert.match(link.body.detail, /symlink '\.\/etc' points to an absolute path/);

    const big = await prepare(`${base}/good.tar.gz`, sha256(files('good.tar.gz')), {
      max_size: '64B',
    });
    assert.equal(big.status, 422);
    assert.match(big.body.detail, /larger than the limit of 64 bytes/);

    const missing = await prepare(`${base}/missing.tar.gz`, 'b'.repeat(64));
    assert.equal(missing.status, 502);
    assert.equal(missing.body.code, 'fetch-failed');

    // None of them left anything publishable or anything outside.
    const releases = readdirSync(join(host.appDir('art'), 'releases'));
    assert.equal(releases.length, 3, `only the three good releases: ${releases.join(' ')}`);
    assert.ok(!existsSync(join(host.appDir('art'), 'outside.txt')));
    assert.ok(!existsSync(join(host.appDir('art'), 'releases', 'outside.txt')));
  });
});
