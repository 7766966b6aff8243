import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SchedulerApi } from '@drover/contracts';
import { droverArgv, freePort, startChild } from '@drover/contracts/testing';
import { createGitApp, helloServer } from '../support/git-app.js';
import { startStack, type TestStack } from '../support/stack.js';
import { helloApp } from './app-spec.js';
import { drover, type CliResult } from './run-cli.js';

// One stack for the file (redis, scheduler, one executor, two supervisor + logger pairs); the
// tests run in order and build on each other's deploys of the app `web`.

type Deploy = SchedulerApi.components['schemas']['Deploy'];
type StageReleases = SchedulerApi.components['schemas']['StageReleases'];
type ProcessList = SchedulerApi.components['schemas']['ProcessList'];
type DeployList = SchedulerApi.components['schemas']['DeployList'];

let stack: TestStack;
let env: NodeJS.ProcessEnv;
let good: string;
let bad: string;
let firstRelease = '';
let lastDeploy = '';

before(async () => {
  stack = await startStack({ hosts: 2, executors: 1 });
  const repo = createGitApp(stack.dir.path);
  good = repo.commit({ 'server.mjs': helloServer('v1') }, 'v1');
  bad = repo.commit({ 'server.mjs': helloServer('v2', { failAtStart: true }) }, 'v2 breaks');
  const put = await stack.api(
    'PUT',
    '/v1/apps/web',
    helloApp(repo.url, 1, { production: ['host-1', 'host-2'] }),
  );
  assert.equal(put.status, 201, JSON.stringify(put.body));
  // A home of its own, so no config file of the machine's user is read.
  const home = join(stack.dir.path, 'home');
  mkdirSync(home);
  env = { HOME: home, DROVER_URL: stack.url, DROVER_TOKEN: stack.adminToken };
});

after(() => stack.stop());

/** The JSON a command printed, once it is sure the command succeeded. */
function json<T>(r: CliResult): T {
  assert.equal(r.code, 0, r.stdout + r.stderr);
  return JSON.parse(r.stdout) as T;
}

/** Nothing a user should see on failure but one `drover: …` line. */
function assertOneErrorLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0] ?? '', /^drover: /);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(stderr, /\n\s+at /);
}

test('deploy --wait follows the log, one plain line per event, and exits 0 on success', async () => {
  const r = await drover(
    env,
    'deploy',
    'web',
    'production',
    '--rev',
    good,
    '-m',
    'first',
    '--wait',
  );
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stderr, '');
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'no terminal codes when stdout is not a TTY');
  assert.match(r.stdout, /^deploy \S+ of web to production \(deploy\) queued by admin/m);
  for (const h of ['host-1', 'host-2']) {
    assert.match(r.stdout, new RegExp(`^\\[${h}\\] prepared \\d{14}`, 'm'));
    assert.match(r.stdout, new RegExp(`^\\[${h}\\] \\d{14} is live and healthy`, 'm'));
  }
  assert.match(r.stdout, /^deploy \S+ succeeded: web\/production on \d{14}$/m);
  const outcome =
    /^deploy (\S+) web\/production succeeded in [\d.]+s: release (\d{14}), 2\/2 hosts healthy$/m.exec(
      r.stdout,
    );
  assert.ok(outcome, r.stdout);
  firstRelease = outcome[2] ?? '';
});

test('a deploy that fails health checks is reverted: exit 1 and one error line', async () => {
  const r = await drover(env, 'deploy', 'web', 'production', '--rev', bad, '--wait');
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^reverting /m);
  assertOneErrorLine(r.stderr, /^drover: deploy \S+ reverted: .*unhealthy/);
  // Both hosts are back on the first release.
  const rel = await drover(env, 'releases', 'web', 'production', '--json');
  const releases = json<StageReleases>(rel);
  assert.deepEqual(
    releases.hosts.map((h) => h.current),
    [firstRelease, firstRelease],
  );
});

test('--json prints the API JSON: deploy --wait keeps stdout for the final deploy only', async () => {
  const r = await drover(env, 'deploy', 'web', 'production', '--rev', good, '--wait', '--json');
  assert.equal(r.code, 0, r.stderr);
  const d = json<Deploy>(r);
  assert.equal(d.status, 'succeeded');
  assert.equal(d.revision, good);
  assert.match(r.stderr, /is live and healthy/);

  // Independent reads run side by side: each CLI start costs about a second here.
  const [statusOut, listOut, latestOut, releasesOut, psOut] = await Promise.all([
    drover(env, 'status', d.id, '--json'),
    drover(env, 'deploys', '--app', 'web', '--status', 'reverted', '--json'),
    drover(env, 'status', '--json'),
    drover(env, 'releases', 'web', 'production', '--json'),
    drover(env, 'ps', '--app', 'web', '--json'),
  ]);
  const status = json<Deploy>(statusOut);
  assert.equal(status.id, d.id);
  const list = json<DeployList>(listOut);
  assert.equal(list.deploys.length, 1);
  assert.equal(list.deploys[0]?.revision, bad);
  const latest = json<DeployList>(latestOut);
  assert.equal(latest.deploys[0]?.id, d.id);
  lastDeploy = d.id;
  const releases = json<StageReleases>(releasesOut);
  assert.ok(releases.hosts.every((h) => h.current === d.release_id));
  const ps = json<ProcessList>(psOut);
  assert.deepEqual(ps.processes.map((p) => `${p.host} ${p.name} ${p.state}`).sort(), [
    'host-1 web.web RUNNING',
    'host-2 web.web RUNNING',
  ]);
  assert.deepEqual(ps.hosts, [
    { host: 'host-1', status: 'up' },
    { host: 'host-2', status: 'up' },
  ]);
});

test('read commands print the text/plain tables', async () => {
  const [deploys, releases, ps, status, one] = await Promise.all([
    drover(env, 'deploys', '--app', 'web', '--limit', '2'),
    drover(env, 'releases', 'web', 'production'),
    drover(env, 'ps', '--host', 'host-2', '--state', 'running'),
    drover(env, 'status'),
    drover(env, 'status', lastDeploy),
  ]);
  assert.equal(deploys.code, 0, deploys.stderr);
  const lines = deploys.stdout.trimEnd().split('\n');
  assert.match(lines[0] ?? '', /^ID +APP +STAGE +KIND +STATUS +RELEASE +WHO +CREATED$/);
  assert.equal(lines.length, 3);
  assert.match(lines[1] ?? '', / web +production +deploy +succeeded +\d{14} /);
  assert.match(lines[2] ?? '', / web +production +deploy +reverted +\d{14} /);

  assert.match(releases.stdout, /^HOST +CURRENT +RELEASES\nhost-1 +\d{14} +\d{14}/);

  assert.match(ps.stdout, /^HOST +PROGRAM +STATE +READY +PID +UPTIME +RESTARTS\n/);
  assert.match(ps.stdout, /^host-2 +web\.web +RUNNING +yes +\d+ /m);
  assert.doesNotMatch(ps.stdout, /host-1/);

  assert.match(status.stdout, /^ID +APP +STAGE/);
  assert.match(status.stdout, new RegExp(`^${lastDeploy} +web +production`, 'm'));
  assert.match(
    one.stdout,
    new RegExp(`^deploy ${lastDeploy} web/production deploy succeeded \\(finished\\)`),
  );
});

test('rollback --wait goes back to the release before, exit 0', async () => {
  const r = await drover(env, 'rollback', 'web', 'production', '--wait');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`rolling back every host to ${firstRelease}`));
  const releases = json<StageReleases>(
    await drover(env, 'releases', 'web', 'production', '--json'),
  );
  assert.ok(releases.hosts.every((h) => h.current === firstRelease));
});

test('cancel of a finished deploy fails with one line; unknown ids too', async () => {
  const [r, missing] = await Promise.all([
    drover(env, 'cancel', lastDeploy),
    drover(env, 'status', 'no-such-deploy'),
  ]);
  assert.equal(r.code, 1);
  assertOneErrorLine(r.stderr, /HTTP 409/);
  assert.equal(missing.code, 1);
  assertOneErrorLine(missing.stderr, /HTTP 404/);
});

test('usage and config errors exit 2, failures 1, each with one line', async () => {
  const usage = [
    ['deploy', 'web'],
    ['deploy', 'web', 'production', '--strategy', 'rolling'],
    ['deploys', '--status', 'happy'],
    ['signal', 'host-1', 'web.web', 'SIGFOO'],
    ['frobnicate'],
  ];
  const port = await freePort();
  const [badUrl, down, ...usageRuns] = await Promise.all([
    drover({ ...env, DROVER_URL: 'ftp://example' }, 'status'),
    drover({ ...env, DROVER_URL: `http://127.0.0.1:${port}` }, 'status'),
    ...usage.map((args) => drover(env, ...args)),
  ]);
  usageRuns.forEach((r, i) => assert.equal(r.code, 2, `${usage[i]?.join(' ')}: ${r.stderr}`));
  assert.equal(badUrl.code, 2);
  assertOneErrorLine(badUrl.stderr, /not an http\(s\) URL/);
  assert.equal(down.code, 1);
  assertOneErrorLine(
    down.stderr,
    /cannot reach the scheduler at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/,
  );
});

/** A config home of its own for each case, so the cases can run side by side. */
function configHome(name: string, text: string): string {
  const xdg = join(stack.dir.path, 'xdg', name);
  mkdirSync(join(xdg, 'drover'), { recursive: true });
  writeFileSync(join(xdg, 'drover', 'config.yaml'), text);
  return xdg;
}

test('settings: flags over environment over the config file', async () => {
  const home = env['HOME'] ?? '';
  const wrong = 'not-a-token-of-this-stack';
  const goodFile = configHome('good', `url: ${stack.url}\ntoken: ${stack.adminToken}\n`);
  const wrongFile = configHome('wrong', `url: http://127.0.0.1:9\ntoken: ${wrong}\n`);
  const typoFile = configHome('typo', `url: ${stack.url}\ntokn: ${stack.adminToken}\n`);
  // Without XDG_CONFIG_HOME the file is ~/.config/drover/config.yaml.
  const homeConfig = join(home, '.config', 'drover');
  mkdirSync(homeConfig, { recursive: true });
  writeFileSync(join(homeConfig, 'config.yaml'), `url: ${stack.url}\ntoken: ${stack.adminToken}\n`);
  const rightEnv = { DROVER_URL: stack.url, DROVER_TOKEN: stack.adminToken };

  const [fromFile, fromHome, envWins, flagWins, urlFlag, typo] = await Promise.all([
    drover({ HOME: home, XDG_CONFIG_HOME: goodFile }, 'deploys', '--limit', '1'),
    drover({ HOME: home }, 'status'),
    drover({ HOME: home, XDG_CONFIG_HOME: wrongFile, ...rightEnv }, 'deploys'),
    drover({ HOME: home, XDG_CONFIG_HOME: goodFile, ...rightEnv }, 'deploys', '--token', wrong),
    drover(
      { HOME: home, XDG_CONFIG_HOME: wrongFile, DROVER_URL: 'http://127.0.0.1:9' },
      'deploys',
      '--url',
      stack.url,
      '--token',
      stack.adminToken,
    ),
    drover({ HOME: home, XDG_CONFIG_HOME: typoFile }, 'deploys'),
  ]);
  assert.equal(fromFile.code, 0, fromFile.stderr);
  assert.equal(fromHome.code, 0, fromHome.stderr);
  assert.equal(envWins.code, 0, envWins.stderr);
  assert.equal(flagWins.code, 1);
  assertOneErrorLine(flagWins.stderr, /HTTP 401/);
  assert.equal(urlFlag.code, 0, urlFlag.stderr);
  assert.equal(typo.code, 2);
  assertOneErrorLine(typo.stderr, /config\.yaml: unknown key 'tokn'/);
});

test('fleet: restart, stop, start, signal a program; read and follow its log', async () => {
  const restarted = await drover(env, 'restart', 'host-1', 'web.web');
  assert.equal(restarted.code, 0, restarted.stderr);
  assert.match(restarted.stdout, /^host-1 web\.web: RUNNING pid \d+ \(desired up\)$/m);
  const stopped = await drover(env, 'stop', 'host-1', 'web.web', '--json');
  assert.equal(json<{ state: string }>(stopped).state, 'STOPPED');
  const started = await drover(env, 'start', 'host-1', 'web.web');
  assert.match(started.stdout, /RUNNING/);

  const [signalled, missing, tail, since] = await Promise.all([
    drover(env, 'signal', 'host-1', 'web.web', 'sigcont'),
    drover(env, 'restart', 'host-1', 'nope'),
    drover(env, 'logs', 'host-1', 'web.web', '-n', '2'),
    drover(env, 'logs', 'host-1', 'web.web', '--since', '1h', '--grep', 'hello'),
  ]);
  assert.equal(signalled.code, 0, signalled.stderr);
  assert.equal(missing.code, 1);
  assertOneErrorLine(missing.stderr, /HTTP 404/);
  assert.equal(tail.code, 0, tail.stderr);
  assert.equal(tail.stdout.trimEnd().split('\n').length, 2);
  assert.match(tail.stdout, /Z out hello v1 on \d+$/m);
  // Three starts of v1 on host-1 within the hour: deploy, rollback, start (the restart too).
  assert.ok(
    since.stdout.trimEnd().split('\n').length >= 3,
    `${since.code} ${since.stdout}${since.stderr}`,
  );

  // -n 1 shows the last hello line at once: the stream is open. A restart adds a second one.
  const argv = droverArgv('logs', 'host-2', 'web.web', '-f', '-n', '1', '--grep', 'hello');
  const follow = startChild(argv.command, argv.args, {
    env: { PATH: process.env['PATH'], ...env },
  });
  try {
    await follow.waitForOutput(/out hello v1 on \d+\n/, 10_000);
    await drover(env, 'restart', 'host-2', 'web.web');
    await follow.waitForOutput(/(out hello v1 on \d+\n[^]*){2}/, 10_000);
  } finally {
    await follow.stop('SIGTERM');
  }
});
