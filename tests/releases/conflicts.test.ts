import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  GitApp,
  call,
  deploy,
  freePort,
  prepareBody,
  startHost,
  tempDir,
  waitFor,
  type Host,
  type Release,
} from './helpers.js';

describe('releases: one operation per app, joins, 409s, fences, streams, validation', () => {
  let host: Host;
  let repo: GitApp;
  let sha: string;
  let port: number;
  const src = tempDir('drover-rel-src-');
  const flag = join(src.path, 'go');

  before(async () => {
    repo = new GitApp(src.path);
    sha = repo.commit('v1');
    port = await freePort();
    host = await startHost();
  });
  after(async () => {
    await host.close();
    src.remove();
  });

  it('app names, release ids and paths that do not match their patterns get 400', async () => {
    const d = deploy('d-v');
    const good = prepareBody(d, '20250101000001', repo, sha, port);
    const cases: [string, unknown][] = [
      ['/v1/apps/Bad_Name!/releases', good],
      ['/v1/apps/ok/releases', { ...good, id: '2025-01-01' }],
      ['/v1/apps/ok/releases/latest/publish', d],
      ['/v1/apps/ok/releases', { ...good, linked_dirs: ['../escape'] }],
      ['/v1/apps/ok/releases', { ...good, linked_files: ['/etc/passwd'] }],
      ['/v1/apps/ok/releases', { ...good, processes: { 'Web!': { command: ['x'] } } }],
      ['/v1/apps/ok/releases', { ...good, fence: -1 }],
      ['/v1/apps/ok/releases', { ...good, source: { svn: { url: 'x' } } }],
      ['/v1/apps/ok/rollback', { ...d, to: '../20250101' }],
    ];
    for (const [path, body] of cases) {
      const r = await call<{ code: string }>(host.url, 'POST', path, body);
      assert.equal(r.status, 400, `${path} ${JSON.stringify(body).slice(0, 120)}: ${r.text}`);
    }
    const noToken = await fetch(`${host.url}/v1/apps`);
    assert.equal(noToken.status, 401);
    const unknown = await call(host.url, 'GET', '/v1/apps/nothing/releases');
    assert.equal(unknown.status, 404);
  });

  it('another deploy gets 409 while a prepare runs; the same deploy joins; other apps proceed', async () => {
    const a = deploy('d-a', 5);
    const body = prepareBody(a, '20250101000010', repo, sha, port, {
      // The build waits for the test's go-ahead, so the prepare is held open deterministically.
      build: [`echo waiting; while [ ! -e '${flag}' ]; do sleep 0.05; done; echo done`],
      processes: {},
    });
    const accepted = await call<Release>(
      host.url,
      'POST',
      '/v1/apps/alpha/releases?wait=false',
      body,
    );
    assert.equal(accepted.status, 202);
    assert.equal(accepted.body.preparing, true);
    assert.equal(accepted.body.complete, false);

    const other = await call<{ code: string; holder: string }>(
      host.url,
      'POST',
      '/v1/apps/alpha/releases',
      { ...body, deploy_id: 'd-b' },
    );
    assert.equal(other.status, 409);
    assert.equal(other.body.code, 'app-busy');
    assert.match(other.body.holder, /^prepare 20250101000010 \(deploy d-a/);
    const otherPublish = await call<{ code: string }>(
      host.url,
      'POST',
      '/v1/apps/alpha/releases/20250101000010/publish',
      deploy('d-b', 5),
    );
    assert.equal(otherPublish.status, 409);
    const stale = await call<{ code: string }>(host.url, 'POST', '/v1/apps/alpha/releases', {
      ...body,
      fence: 4,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'stale-fence');

    // Another app is not held up by alpha.
    const beta = await call<Release>(
      host.url,
      'POST',
      '/v1/apps/beta/releases',
      prepareBody(deploy('d-c'), '20250101000011', repo, sha, port, { processes: {} }),
    );
    assert.equal(beta.status, 200);
    assert.equal(beta.body.complete, true);

    // The same deploy's repeats join the running prepare: SSE and plain text, replayed from the start.
    const sse = call<string>(
      host.url,
      'POST',
      '/v1/apps/alpha/releases',
      body,
      'text/event-stream',
    );
    const text = call<string>(host.url, 'POST', '/v1/apps/alpha/releases', body, '*/*');
    const json = call<Release>(host.url, 'POST', '/v1/apps/alpha/releases', body);
    await waitFor('the build to wait', async () => {
      const r = await call<{ releases: Release[] }>(host.url, 'GET', '/v1/apps/alpha/releases');
      return r.body.releases[0]?.preparing === true;
    });
    writeFileSync(flag, '');
    const [s, t, j] = await Promise.all([sse, text, json]);
    assert.equal(j.status, 200);
    assert.equal(j.body.complete, true);
    const events = s.text.trimEnd().split('\n\n');
    assert.ok(events.some((e) => e.includes('event: log') && e.includes('"waiting"')));
    const last = events.at(-1) ?? '';
    assert.match(last, /^event: result\ndata: /);
    assert.equal((JSON.parse(last.split('data: ')[1] ?? '{}') as Release).id, '20250101000010');
    const lines = t.text.trimEnd().split('\n');
    assert.ok(lines.includes('waiting') && lines.includes('done'));
    assert.match(
      lines.at(-1) ?? '',
      /^OK release 20250101000010 prepared \(revision [0-9a-f]{40}\)$/,
    );
  });

  it('the same release id with another revision is 409; with the same one it is the same release', async () => {
    const a = deploy('d-a', 5);
    const sha2 = repo.commit('v2');
    const body = prepareBody(a, '20250101000010', repo, sha2, port, { processes: {} });
    const r = await call<{ code: string }>(host.url, 'POST', '/v1/apps/alpha/releases', body);
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'release-conflict');
    const same = await call<Release>(host.url, 'POST', '/v1/apps/alpha/releases', {
      ...body,
      revision: sha,
      deploy_id: 'd-later',
      fence: 7,
    });
    assert.equal(same.status, 200);
    assert.equal(same.body.revision, sha);
    assert.equal(same.body.deploy_id, 'd-a', 'the release the first deploy prepared');
    // A failed prepare answers FAILED as the last line of a text stream.
    const failed = await call<string>(
      host.url,
      'POST',
      '/v1/apps/alpha/releases',
      prepareBody(deploy('d-x', 7), '20250101000012', repo, 'no-such-ref', port),
      'text/plain',
    );
    assert.equal(failed.status, 200);
    assert.match(failed.text.trimEnd().split('\n').at(-1) ?? '', /^FAILED unknown-revision: /);
  });
});
