import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  FAST_HEALTH,
  GitApp,
  call,
  deploy,
  freePort,
  prepareBody,
  served,
  startHost,
  tempDir,
  webProcess,
  type Host,
  type PublishResult,
  type Release,
} from './helpers.js';

const APP = 'shop';

describe('releases: prepare, publish, switch, failed build, unhealthy + rollback, cleanup', () => {
  let host: Host;
  let repo: GitApp;
  let port: number;
  const src = tempDir('drover-rel-src-');
  const shas: string[] = [];

  before(async () => {
    repo = new GitApp(src.path);
    shas.push(repo.commit('v1'));
    port = await freePort();
    host = await startHost();
    // linked_files must exist in shared/ beforehand, as in Capistrano.
    mkdirSync(join(host.appDir(APP), 'shared', 'config'), { recursive: true });
    writeFileSync(join(host.appDir(APP), 'shared', 'config', 'settings.json'), '{"a":1}\n');
  });
  after(async () => {
    await host.close();
    src.remove();
  });

  const ids = ['20250101000001', '20250101000002', '20250101000003', '20250101000004'] as const;

  it('prepares from git (mirror, archive, links, build) and publishes: the app answers from current', async () => {
    const d = deploy('d-1');
    const prep = await call<string>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases`,
      prepareBody(d, ids[0], repo, shas[0] ?? '', port, { linked_files: ['config/settings.json'] }),
      'text/plain',
    );
    assert.equal(prep.status, 200);
    const lines = prep.text.trimEnd().split('\n');
    assert.match(lines.at(-1) ?? '', /^OK release 20250101000001 prepared/);
    assert.ok(lines.includes('building test'), 'build output streamed');
    assert.ok(!prep.text.includes('hunter2'), 'secrets are never echoed');
    assert.ok(lines.includes('token is [redacted]'), 'a build that prints a secret is redacted');

    const rel = join(host.appDir(APP), 'releases', ids[0]);
    assert.equal(readFileSync(join(rel, 'REVISION'), 'utf8').trim(), shas[0]);
    assert.equal(readFileSync(join(rel, 'BUILT'), 'utf8'), 'test');
    assert.ok(lstatSync(join(rel, 'log')).isSymbolicLink());
    assert.equal(realpathSync(join(rel, 'tmp/cache')), join(host.appDir(APP), 'shared/tmp/cache'));
    assert.equal(readFileSync(join(rel, 'config/settings.json'), 'utf8'), '{"a":1}\n');
    assert.ok(existsSync(join(host.appDir(APP), 'repo', 'HEAD')), 'a bare mirror in repo/');
    assert.ok(!existsSync(join(host.appDir(APP), 'repo', 'server.js')), 'never checked out');

    const pub = await call<PublishResult>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases/${ids[0]}/publish`,
      { ...d, health: FAST_HEALTH },
    );
    assert.equal(pub.status, 200);
    assert.equal(pub.body.healthy, true, pub.body.detail);
    assert.equal(pub.body.previous, null);
    assert.deepEqual(
      pub.body.programs.map((p) => [p.name, p.state, p.origin]),
      [[`${APP}.web`, 'RUNNING', 'release']],
    );
    assert.equal(readlinkSync(join(host.appDir(APP), 'current')), `releases/${ids[0]}`);
    const answer = await served(port);
    assert.equal(answer.version, 'v1');
    assert.equal(answer.cwd, rel, 'runs in the release current resolved to');
    assert.equal(answer.built, 'test');
    const log = readFileSync(join(host.appDir(APP), 'revisions.log'), 'utf8')
      .trim()
      .split('\n');
    assert.equal(log.length, 1);
    assert.deepEqual(log[0]?.split('\t').slice(1), [
      ids[0],
      shas[0],
      'd-1',
      'tester',
      'publish',
      'healthy',
    ]);
  });

  it('a repeated prepare and publish are no-ops', async () => {
    const d = deploy('d-1');
    const before = await call<{ programs: { pid: number }[] }>(host.url, 'GET', '/v1/programs');
    const prep = await call<Release>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases`,
      prepareBody(d, ids[0], repo, shas[0] ?? '', port, { linked_files: ['config/settings.json'] }),
    );
    assert.equal(prep.status, 200);
    assert.equal(prep.body.complete, true);
    assert.equal(prep.body.current, true);
    const pub = await call<PublishResult>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases/${ids[0]}/publish`,
      { ...d, health: FAST_HEALTH },
    );
    assert.equal(pub.status, 200);
    assert.equal(pub.body.healthy, true);
    const afterList = await call<{ programs: { pid: number }[] }>(host.url, 'GET', '/v1/programs');
    assert.equal(afterList.body.programs[0]?.pid, before.body.programs[0]?.pid, 'not restarted');
    const log = readFileSync(join(host.appDir(APP), 'revisions.log'), 'utf8')
      .trim()
      .split('\n');
    assert.equal(log.length, 1, 'no second revisions.log line');
  });

  it('a reader resolving current in a tight loop never finds it missing during a publish', async () => {
    shas.push(repo.commit('v2'));
    const d = deploy('d-2', 2);
    const prep = await call<Release>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases`,
      prepareBody(d, ids[1], repo, shas[1] ?? '', port),
    );
    assert.equal(prep.status, 200, JSON.stringify(prep.body));
    const current = join(host.appDir(APP), 'current');
    const want = join(host.appDir(APP), 'releases', ids[1]);
    // A separate process, so its loop does not stall this one: it resolves `current` until it
    // has seen the new release for a while, counting every failure.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); let n = 0, bad = 0, seen = 0, old = 0; const end = Date.now() + 30000;
         process.stdout.write('go\\n');
         while (Date.now() < end && seen < 20000) {
           n++; try { const r = fs.realpathSync(${JSON.stringify(current)});
             fs.statSync(r + '/VERSION'); if (r === ${JSON.stringify(want)}) seen++; else old++; } catch { bad++; }
         }
         process.stdout.write(JSON.stringify({ n, bad, seen, old }));`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const exited = new Promise((resolve) => reader.on('exit', resolve));
    await new Promise<void>((resolve) =>
      reader.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.startsWith('go\n')) resolve();
      }),
    );
    const pub = await call<PublishResult>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases/${ids[1]}/publish`,
      { ...d, health: FAST_HEALTH },
    );
    await exited;
    const counts = JSON.parse(out.slice(3)) as {
      n: number;
      bad: number;
      seen: number;
      old: number;
    };
    assert.equal(pub.body.healthy, true, pub.body.detail);
    assert.equal(pub.body.previous, ids[0]);
    assert.equal(
      counts.bad,
      0,
      `current was missing or dangling ${counts.bad} of ${counts.n} times`,
    );
    assert.ok(
      counts.old > 0 && counts.seen > 0,
      'the reader saw the old release, then the new one',
    );
    assert.equal((await served(port)).version, 'v2');
  });

  it('a failing build leaves current and the running program untouched', async () => {
    const d = deploy('d-3', 3);
    const beforePid = (await call<{ pid: number }>(host.url, 'GET', `/v1/programs/${APP}.web`)).body
      .pid;
    const res = await call<{ code: string; detail: string }>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases`,
      prepareBody(d, ids[2], repo, shas[1] ?? '', port, { build: ['echo compiling', 'exit 7'] }),
    );
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'build-failed');
    assert.match(res.body.detail, /exit 7/);
    assert.ok(!existsSync(join(host.appDir(APP), 'releases', ids[2])), 'nothing publishable');
    assert.deepEqual(readdirSync(join(host.appDir(APP), '.staging')), [], 'staging cleared');
    assert.equal(readlinkSync(join(host.appDir(APP), 'current')), `releases/${ids[1]}`);
    const afterPid = (await call<{ pid: number }>(host.url, 'GET', `/v1/programs/${APP}.web`)).body
      .pid;
    assert.equal(afterPid, beforePid);
    const list = await call<{ releases: Release[] }>(host.url, 'GET', `/v1/apps/${APP}/releases`);
    const failed = list.body.releases.find((r) => r.id === ids[2]);
    assert.equal(failed?.complete, false);
    assert.match(failed?.error ?? '', /exit 7/);
    // Publishing it is refused: it does not exist.
    const pub = await call(host.url, 'POST', `/v1/apps/${APP}/releases/${ids[2]}/publish`, d);
    assert.equal(pub.status, 404);
  });

  it('an unhealthy release reports unhealthy; rollback restores the old one and marks it bad', async () => {
    shas.push(repo.commit('bad-v3'));
    const d = deploy('d-4', 4);
    const prep = await call<Release>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases`,
      prepareBody(d, ids[3], repo, shas[2] ?? '', port, {
        processes: { web: { ...webProcess(port), start_secs: '300ms' } },
      }),
    );
    assert.equal(prep.status, 200);
    const pub = await call<string>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases/${ids[3]}/publish`,
      { ...d, health: FAST_HEALTH },
      'text/plain',
    );
    assert.equal(pub.status, 200);
    assert.match(
      pub.text.trimEnd().split('\n').at(-1) ?? '',
      /^OK publish of release \d+ UNHEALTHY: shop.web is FATAL/,
    );
    // The same call again answers the recorded (unhealthy) result without restarting anything.
    const again = await call<PublishResult>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases/${ids[3]}/publish`,
      { ...d, health: FAST_HEALTH },
    );
    assert.equal(again.body.healthy, false);
    assert.equal(again.body.programs[0]?.state, 'FATAL');

    const rb = await call<PublishResult>(host.url, 'POST', `/v1/apps/${APP}/rollback`, {
      ...d,
      to: ids[1],
      health: FAST_HEALTH,
    });
    assert.equal(rb.status, 200);
    assert.equal(rb.body.healthy, true, rb.body.detail);
    assert.equal(rb.body.action, 'rollback');
    assert.equal(rb.body.previous, ids[3]);
    assert.equal((await served(port)).version, 'v2');
    const list = await call<{ releases: Release[] }>(host.url, 'GET', `/v1/apps/${APP}/releases`);
    const byId = new Map(list.body.releases.map((r) => [r.id, r]));
    assert.equal(byId.get(ids[3])?.bad, true);
    assert.equal(byId.get(ids[1])?.current, true);
    // A repeat of the rollback by the same deploy changes nothing.
    const rb2 = await call<PublishResult>(host.url, 'POST', `/v1/apps/${APP}/rollback`, {
      ...d,
      to: ids[1],
    });
    assert.deepEqual(rb2.body, rb.body);
    const log = readFileSync(join(host.appDir(APP), 'revisions.log'), 'utf8')
      .trim()
      .split('\n');
    assert.deepEqual(
      log.map((l) => l.split('\t').slice(5).join(' ')),
      ['publish healthy', 'publish healthy', 'publish unhealthy', 'rollback healthy'],
    );
  });

  it('cleanup keeps current, the rollback target and the newest; repeats are no-ops', async () => {
    const d = deploy('d-5', 5);
    const res = await call<{ removed: string[]; kept: string[] }>(
      host.url,
      'POST',
      `/v1/apps/${APP}/cleanup`,
      { ...d, keep: 1 },
    );
    assert.equal(res.status, 200);
    // ids[3] is newest (kept by keep), ids[1] is current, ids[0] is the good release before it.
    assert.deepEqual(res.body, { removed: [], kept: [ids[0], ids[1], ids[3]] });
    const d6 = deploy('d-6', 6);
    // Roll forward onto a new good release: now ids[0] and the bad ids[3] may go.
    shas.push(repo.commit('v4'));
    const id5 = '20250101000005';
    const prep = await call(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases`,
      prepareBody(d6, id5, repo, 'main', port),
    );
    assert.equal(prep.status, 200);
    const pub = await call<PublishResult>(
      host.url,
      'POST',
      `/v1/apps/${APP}/releases/${id5}/publish`,
      {
        ...d6,
        health: FAST_HEALTH,
      },
    );
    assert.equal(pub.body.healthy, true, pub.body.detail);
    const clean = await call<{ removed: string[]; kept: string[] }>(
      host.url,
      'POST',
      `/v1/apps/${APP}/cleanup`,
      { ...d6, keep: 1 },
    );
    // id5 is current and newest; ids[1] is the newest good one before it; ids[3] is bad.
    assert.deepEqual(clean.body, { removed: [ids[0], ids[3]], kept: [ids[1], id5] });
    assert.deepEqual(readdirSync(join(host.appDir(APP), 'releases')), [ids[1], id5]);
    const again = await call<{ removed: string[] }>(host.url, 'POST', `/v1/apps/${APP}/cleanup`, {
      ...d6,
      keep: 1,
    });
    assert.deepEqual(again.body.removed, []);
    const apps = await call<{ apps: unknown[] }>(host.url, 'GET', '/v1/apps');
    assert.deepEqual(apps.body.apps, [{ name: APP, current: id5, releases: 2 }]);
  });
});
