import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { createGitApp, helloServer } from '../support/git-app.js';
import { startStack, type TestStack } from '../support/stack.js';
import { helloApp } from './app-spec.js';
import { run, type CliResult } from './run-cli.js';

// The chatops bot and the CI examples, run as they are written against one real stack: three
// hosts, the app `chat` on production (host-1, host-2) and staging (host-3).

const root = new URL('../../', import.meta.url).pathname;
const bot = join(root, 'examples/chatops/drover-bot.sh');

let stack: TestStack;
let good: string;
let bad: string;

before(async () => {
  stack = await startStack({ hosts: 3, executors: 1 });
  const repo = createGitApp(stack.dir.path);
  bad = repo.commit({ 'server.mjs': helloServer('v0', { failAtStart: true }) }, 'v0 breaks');
  good = repo.commit({ 'server.mjs': helloServer('v1') }, 'v1');
  const spec = helloApp(repo.url, 1, { production: ['host-1', 'host-2'], staging: ['host-3'] });
  const put = await stack.api('PUT', '/v1/apps/chat', spec);
  assert.equal(put.status, 201, JSON.stringify(put.body));
});

after(() => stack.stop());

function say(line: string, extra: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return run('bash', [bot, line], {
    PATH: process.env['PATH'],
    DROVER_URL: stack.url,
    DROVER_TOKEN: stack.adminToken,
    ...extra,
  });
}

test('chatops: deploy, deploy a sha to staging, status, ps, rollback', async () => {
  const first = await say('deploy chat to production', { DROVER_BOT_USER: 'ana' });
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.match(
    first.stdout,
    /^deploy \S+ chat\/production deploy queued \(starting\) release \d{14}/,
  );
  assert.match(first.stdout, /\ndeploy \S+ succeeded: chat\/production on \d{14}\n$/);

  const [staging, second] = await Promise.all([
    say(`deploy  chat@${good} to staging `),
    say('deploy chat to production', { DROVER_BOT_WAIT: '0' }),
  ]);
  assert.equal(staging.code, 0, staging.stdout + staging.stderr);
  assert.match(staging.stdout, /succeeded: chat\/staging/);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(second.stdout.trimEnd().split('\n').length, 1, 'no waiting with DROVER_BOT_WAIT=0');

  // Wait for the second production deploy through the bot's own status answer.
  let status = await say('status chat');
  for (let i = 0; i < 100 && /queued|running/.test(status.stdout); i++) {
    await new Promise((r) => setTimeout(r, 200));
    status = await say('status chat');
  }
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /^ID +APP +STAGE +KIND +STATUS/);
  assert.equal(status.stdout.match(/ chat +production +deploy +succeeded /g)?.length, 2);
  assert.match(status.stdout, / chat +staging +deploy +succeeded .* admin /);

  const ps = await say('ps chat');
  assert.equal(ps.code, 0, ps.stderr);
  assert.match(ps.stdout, /^HOST +PROGRAM +STATE/);
  for (const h of ['host-1', 'host-2', 'host-3']) {
    assert.match(ps.stdout, new RegExp(`^${h} +chat\\.web +RUNNING`, 'm'));
  }

  const back = await say('rollback chat production');
  assert.equal(back.code, 0, back.stdout + back.stderr);
  assert.match(back.stdout, /chat\/production rollback queued/);
  assert.match(back.stdout, /succeeded: chat\/production on \d{14}\n$/);
});

test('chatops: a failed deploy exits 1; unknown commands print usage and exit 2', async () => {
  const [failed, missing, unknown, sneaky] = await Promise.all([
    say(`deploy chat@${bad} to staging`),
    say('deploy nope to production'),
    say('make me a sandwich'),
    say('deploy chat@main;reboot to staging'),
  ]);
  assert.equal(failed.code, 1, failed.stdout + failed.stderr);
  assert.match(failed.stdout, /^deploy \S+ (failed|reverted): /m);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^drover: .*nope/);
  for (const r of [unknown, sneaky]) {
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^usage: drover-bot\.sh/);
    assert.equal(r.stdout, '');
  }
});

interface GitlabJob {
  variables?: Record<string, string>;
  before_script?: string[];
  script: string[];
}

test('CI: the GitLab job passes on a good commit and fails on a bad one', async () => {
  const doc = YAML.parse(readFileSync(join(root, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<
    string,
    unknown
  > & { variables: Record<string, string> };
  const job = doc['deploy:production'] as GitlabJob;
  const script = job.script.join('\n');
  const runJob = (sha: string, n: number) => {
    const cwd = join(stack.dir.path, `gitlab-${n}`);
    mkdirSync(cwd);
    return run(
      'sh',
      ['-c', script],
      {
        PATH: process.env['PATH'],
        ...doc.variables,
        STAGE: 'staging',
        APP: 'chat',
        DROVER_URL: stack.url,
        DROVER_TOKEN: stack.adminToken,
        CI_COMMIT_SHA: sha,
        CI_JOB_ID: String(n),
        CI_PIPELINE_ID: String(n),
      },
      { cwd },
    );
  };
  const ok = await runJob(good, 1);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /succeeded: chat\/staging/);
  const broken = await runJob(bad, 2);
  assert.notEqual(broken.code, 0, broken.stdout);
  assert.match(broken.stdout, /deploy \S+ (failed|reverted)/);
});

interface GithubWorkflow {
  defaults: { run: { shell: string } };
  jobs: Record<string, { env: Record<string, string>; steps: { name?: string; run?: string }[] }>;
}

test('CI: the GitHub Actions deploy step passes on a good commit and fails on a bad one', async () => {
  const wf = YAML.parse(
    readFileSync(join(root, 'examples/ci/github-actions-deploy.yml'), 'utf8'),
  ) as GithubWorkflow;
  assert.equal(wf.defaults.run.shell, 'bash');
  const job = wf.jobs['deploy'];
  const step = job?.steps.find((s) => s.name === 'Deploy with curl');
  assert.ok(job && step?.run);
  const script = step.run;
  // What GitHub runs for `shell: bash`, with the job's env evaluated by hand.
  const runStep = (sha: string, n: number) => {
    const cwd = join(stack.dir.path, `github-${n}`);
    mkdirSync(cwd);
    return run(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
      {
        PATH: process.env['PATH'],
        DROVER_URL: stack.url,
        DROVER_TOKEN: stack.adminToken,
        APP: 'chat',
        STAGE: 'staging',
        REVISION: sha,
        RUN: `${n}-1`,
      },
      { cwd },
    );
  };
  const ok = await runStep(good, 1);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /deploy \S+ chat\/staging deploy succeeded \(finished\)/);
  const broken = await runStep(bad, 2);
  assert.equal(broken.code, 1, broken.stdout + broken.stderr);
  assert.match(broken.stdout, /::error::deploy did not succeed/);
});
