// `npm run bench -- deploy [--hosts 1,10,50] [--runs 3] [--strategies parallel,groups]
// [--groups 5] [--host-concurrency N] [--no-capistrano] [--no-profile]`
//
// Wall time of a deploy of a small git app (tests/support/git-app.ts's hello server) to N local
// hosts — drover's full stack from the built CLI (redis, scheduler, N supervisor + logger pairs,
// one executor) — with the mirror warm: each app is deployed once first, then every measured run
// commits a new revision and deploys it (`ready: {tcp: ${PORT_n}}`, `start_secs: 0s`,
// `min_healthy: 0s`), then rolls it back. Timed from the POST to the end of the deploy's log.
// Executor CPU per host from /proc/<pid>/stat. Where Debian's capistrano and sshd exist, the
// same app to the same number of ssh host aliases with Capistrano, interleaved run by run.
// Median of runs. Also prints where drover's time goes (from the deploy log's timestamps) and a
// direct profile of one supervisor's prepare and publish.
import { readFileSync } from 'node:fs';
import { tempDir } from '@drover/contracts/testing';
import { createGitApp, helloServer } from '../tests/support/git-app.js';
import { startStack, type TestStack } from '../tests/support/stack.js';
import { capistranoMissing, startCapistrano, type Capistrano } from './deploy-capistrano.js';
import {
  breakdown,
  profileAgentCall,
  runDroverDeploy,
  type Breakdown,
  type DroverTiming,
  type StepProfile,
} from './deploy-drover.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : (args[i + 1] ?? fallback);
};
const sizes = option('hosts', '1,10,50').split(',').map(Number);
const runs = Number(option('runs', '3'));
const strategies = option('strategies', 'parallel,groups').split(',') as ('parallel' | 'groups')[];
const groupCount = Number(option('groups', '5'));
const hostConcurrency = args.includes('--host-concurrency')
  ? Number(option('host-concurrency', '20'))
  : undefined;
const withCap = !args.includes('--no-capistrano');
const withProfile = !args.includes('--no-profile');

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const sec = (ms: number) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(3)} s`);
const msf = (ms: number) => (Number.isNaN(ms) ? '—' : `${Math.round(ms)}`);
const range = (xs: number[]) =>
  xs.length > 1 ? ` (${sec(Math.min(...xs)).replace(' s', '')}–${sec(Math.max(...xs))})` : '';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

interface Series {
  hosts: number;
  system: string;
  strategy: string;
  deploy: number[];
  rollback: number[];
  /** Deployer-side CPU per host per deploy (executor for drover, the `cap` process). */
  cpuPerHost: number[];
  supervisorCpuPerHost: number[];
  breakdowns: Breakdown[];
}

function appSpec(repoUrl: string, slot: number, hosts: string[], strategy: string, n: number) {
  return {
    source: { git: { url: repoUrl, ref: 'main' } },
    environment: { PORT_VAR: `PORT_${slot}` },
    processes: {
      web: {
        command: ['node', 'server.mjs'],
        ready: { tcp: `\${PORT_${slot}}` },
        start_secs: '0s',
        stop_timeout: '5s',
        health: { min_healthy: '0s', timeout: '30s' },
      },
    },
    stages: {
      production: {
        hosts,
        strategy:
          strategy === 'groups'
            ? { type: 'groups', limit: Math.max(1, Math.ceil(n / groupCount)) }
            : { type: 'parallel' },
      },
    },
  };
}

async function servedVersions(stack: TestStack, slot: number): Promise<string[]> {
  return Promise.all(
    stack.hosts.map((h) =>
      fetch(`http://127.0.0.1:${stack.appPorts[h.name]?.[slot - 1]}/`).then(
        (r) => r.text().then((t) => t.trim()),
        () => 'down',
      ),
    ),
  );
}

/** Prepare + publish of a fresh release on host-1, called directly with streamed output. */
async function profileSupervisor(
  stack: TestStack,
  repoUrl: string,
  commit: (v: string) => string,
): Promise<{ prepare: StepProfile; publish: StepProfile }> {
  const host = stack.hosts[0];
  const port = stack.appPorts[host?.name ?? '']?.[2];
  if (host === undefined || port === undefined) throw new Error('no host-1');
  const base = `${host.supervisorUrl}/v1/apps/profile`;
  let last: { prepare: StepProfile; publish: StepProfile } | undefined;
  // Twice: the first clones the mirror and starts the program; the second is the warm case.
  for (const [i, id] of ['20000101000001', '20000101000002'].entries()) {
    const sha = commit(`profile-${i}`);
    const ref = { deploy_id: `profile-${i}`, who: 'bench', fence: 1 };
    const prepare = await profileAgentCall(`${base}/releases`, stack.agentToken, {
      ...ref,
      id,
      revision: sha,
      source: { git: { url: repoUrl, ref: 'main' } },
      environment: { PORT: String(port) },
      processes: {
        web: { command: ['node', 'server.mjs'], ready: { tcp: port }, start_secs: '0s' },
      },
    });
    const publish = await profileAgentCall(`${base}/releases/${id}/publish`, stack.agentToken, {
      ...ref,
      restart: 'restart',
      health: { min_healthy: '0s', timeout: '30s' },
    });
    last = { prepare, publish };
  }
  if (last === undefined) throw new Error('no profile');
  return last;
}

const loadStart = loadavg();
const startedAt = Date.now();
console.log(
  `deploy bench: hosts ${sizes.join(',')}, ${runs} run(s), ${strategies.join(' + ')}` +
    `${strategies.includes('groups') ? ` (groups: ${groupCount} groups of ⌈N/${groupCount}⌉)` : ''}; load ${loadStart}`,
);

let capNote: string | undefined = withCap ? capistranoMissing() : 'skipped (--no-capistrano)';
const capDir = tempDir('drover-bench-capapp-');
const capRepo = createGitApp(capDir.path);
capRepo.commit({ 'server.mjs': helloServer('cap-0') }, 'cap-0');
let cap: Capistrano | undefined;
if (capNote === undefined) {
  try {
    cap = await startCapistrano(capRepo.url, Math.max(...sizes));
    console.log(`${cap.version}: sshd on loopback, ${Math.max(...sizes)} host aliases`);
  } catch (err) {
    capNote = `could not be set up: ${err instanceof Error ? err.message : String(err)}`;
  }
}
if (capNote !== undefined) console.log(`Capistrano: ${capNote}`);

let running: TestStack | undefined;
// Ctrl-C or a timeout: stop what was started (stack, sshd, app servers) before leaving.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: stopping what the bench started`);
    void (async () => {
      await running?.stop().catch(() => undefined);
      await cap?.stop().catch(() => undefined);
      capDir.remove();
      process.exit(130);
    })();
  });
}

const series: Series[] = [];
let profile: { prepare: StepProfile; publish: StepProfile } | undefined;
let version = 0;
try {
  for (const n of sizes) {
    const t = Date.now();
    const extra: Record<string, unknown> = {};
    if (hostConcurrency !== undefined) extra['host_concurrency'] = hostConcurrency;
    const stack = await startStack({ hosts: n, executors: 1, portSlots: 3, executorExtra: extra });
    running = stack;
    console.log(`\n${n} host(s): stack up in ${sec(Date.now() - t)}; load ${loadavg()}`);
    try {
      const repo = createGitApp(stack.dir.path);
      repo.commit({ 'server.mjs': helloServer('v0') }, 'v0');
      const hostNames = stack.hosts.map((h) => h.name);
      const drover = new Map<string, Series>();
      for (const [i, strategy] of strategies.entries()) {
        const app = `bench-${strategy}`;
        const r = await stack.api('PUT', `/v1/apps/${app}`, {
          ...appSpec(repo.url, i + 1, hostNames, strategy, n),
        });
        if (r.status !== 201 && r.status !== 200) throw new Error(JSON.stringify(r.body));
        const warm = await runDroverDeploy(stack, app, 'deploy');
        if (warm.status !== 'succeeded') throw new Error(`warm-up ${app}: ${warm.status}`);
        drover.set(strategy, {
          hosts: n,
          system: 'drover',
          strategy,
          deploy: [],
          rollback: [],
          cpuPerHost: [],
          supervisorCpuPerHost: [],
          breakdowns: [],
        });
      }
      const capSeries: Series = {
        hosts: n,
        system: 'Capistrano',
        strategy: 'parallel',
        deploy: [],
        rollback: [],
        cpuPerHost: [],
        supervisorCpuPerHost: [],
        breakdowns: [],
      };
      if (cap) await cap.deploy(n); // warm: mirrors cloned on every host
      for (let run = 0; run < runs; run++) {
        const v = `v${++version}`;
        repo.commit({ 'server.mjs': helloServer(v) }, v);
        for (const [i, strategy] of strategies.entries()) {
          const app = `bench-${strategy}`;
          const s = drover.get(strategy);
          if (!s) continue;
          const d = await runDroverDeploy(stack, app, 'deploy');
          if (d.status !== 'succeeded') throw new Error(`${app} deploy ${v}: ${d.status}`);
          const served = await servedVersions(stack, i + 1);
          if (served.some((x) => x !== v)) throw new Error(`${app}: hosts serve ${served.join()}`);
          s.deploy.push(d.wallMs);
          s.cpuPerHost.push(d.executorCpuMs / n);
          s.supervisorCpuPerHost.push(d.supervisorCpuMs / n);
          s.breakdowns.push(breakdown(d));
          const rb: DroverTiming = await runDroverDeploy(stack, app, 'rollback');
          if (rb.status !== 'succeeded') throw new Error(`${app} rollback: ${rb.status}`);
          s.rollback.push(rb.wallMs);
          s.cpuPerHost.push(rb.executorCpuMs / n);
        }
        if (cap) {
          capRepo.commit({ 'server.mjs': helloServer(`cap-${v}`) }, v);
          const d = await cap.deploy(n);
          const served = await cap.served(n);
          if (served.some((x) => x !== `cap-${v}`))
            throw new Error(`Capistrano: hosts serve ${served.join()}`);
          capSeries.deploy.push(d.wallMs);
          if (d.cpuMs !== undefined) capSeries.cpuPerHost.push(d.cpuMs / n);
          const rb = await cap.rollback(n);
          capSeries.rollback.push(rb.wallMs);
          if (rb.cpuMs !== undefined) capSeries.cpuPerHost.push(rb.cpuMs / n);
        }
        process.stdout.write(`  run ${run + 1}/${runs} done (load ${loadavg()})\n`);
      }
      series.push(...drover.values());
      if (cap) series.push(capSeries);
      if (withProfile && profile === undefined) {
        profile = await profileSupervisor(stack, repo.url, (v) =>
          repo.commit({ 'server.mjs': helloServer(v) }, v),
        );
      }
    } finally {
      running = undefined;
      await stack.stop();
    }
  }
} finally {
  await cap?.stop();
  capDir.remove();
}

const capBy = new Map(series.filter((s) => s.system === 'Capistrano').map((s) => [s.hosts, s]));
console.log(
  `\n## deploy wall time, median of ${runs} (min–max); load at start ${loadStart}, at end ${loadavg()}\n`,
);
console.log(
  table(
    [
      'hosts',
      'system',
      'strategy',
      'deploy',
      'rollback',
      'deployer CPU/host',
      'supervisor CPU/host',
      'deploy vs Capistrano',
      'rollback vs Capistrano',
    ],
    series.map((s) => {
      const c = capBy.get(s.hosts);
      const ratio = (a: number[], b: number[] | undefined) =>
        s.system === 'Capistrano' || !b || b.length === 0
          ? '—'
          : `${(median(b) / median(a)).toFixed(1)}× faster`;
      return [
        String(s.hosts),
        s.system === 'drover' ? '**drover**' : s.system,
        s.strategy,
        `${sec(median(s.deploy))}${range(s.deploy)}`,
        sec(median(s.rollback)),
        s.cpuPerHost.length > 0 ? `${median(s.cpuPerHost).toFixed(1)} ms` : '—',
        s.supervisorCpuPerHost.length > 0 ? `${median(s.supervisorCpuPerHost).toFixed(1)} ms` : '—',
        ratio(s.deploy, c?.deploy),
        ratio(s.rollback, c?.rollback),
      ];
    }),
  ),
);
if (capNote !== undefined) console.log(`\nCapistrano: ${capNote}`);

console.log(
  `\n## where drover's deploy time goes (ms, median of ${runs}; from the deploy log's timestamps)\n`,
);
console.log(
  table(
    [
      'hosts',
      'strategy',
      'pickup',
      'starting',
      'updating',
      'publishing',
      'finishing',
      'tail',
      'prepare/host med (max)',
      'publish/host med (max)',
      'groups',
    ],
    series
      .filter((s) => s.system === 'drover')
      .map((s) => {
        const b = s.breakdowns;
        const m = (f: (x: Breakdown) => number) => msf(median(b.map(f)));
        const per = (f: (x: Breakdown) => number[]) =>
          `${msf(median(b.flatMap(f)))} (${msf(median(b.map((x) => Math.max(...f(x)))))})`;
        return [
          String(s.hosts),
          s.strategy,
          m((x) => x.pickup),
          m((x) => x.starting),
          m((x) => x.updating),
          m((x) => x.publishing),
          m((x) => x.finishing),
          m((x) => x.tail),
          per((x) => x.prepare),
          per((x) => x.publish),
          String(b[0]?.groups.length ?? 0),
        ];
      }),
  ),
);

if (profile) {
  console.log(
    '\n## one supervisor, called directly (host-1, warm mirror): output lines as they arrived\n',
  );
  for (const [name, p] of Object.entries(profile)) {
    console.log(`${name}: ${msf(p.totalMs)} ms`);
    for (const l of p.lines) console.log(`  ${msf(l.ms).padStart(5)} ms  ${l.line.slice(0, 100)}`);
  }
}
console.log(`\ntotal bench time ${sec(Date.now() - startedAt)}`);
