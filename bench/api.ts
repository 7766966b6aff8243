// `npm run bench -- api [--seconds N] [--connections N]`: the scheduler's throughput and latency
// on `GET /v1/deploys/{id}` with auth and request validation (autocannon, as TARGETS.md measures
// it), and how long enqueueing a deploy takes (sequential POSTs, p50/p99). One scheduler process
// on a real redis-server; no executor, so the deploys stay queued.
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startSchedulerService, type ChildService } from '@drover/cli';
import { droverArgv, startRedis, tempDir } from '@drover/contracts/testing';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const seconds = option('seconds', 10);
const connections = option('connections', 50);
const enqueues = option('enqueues', 300);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const dir = tempDir('drover-bench-api-');
const redis = await startRedis();
const token = 'bench-admin-token-0123456789abcdef';
let services: ChildService[] = [];
try {
  const scheduler = await startSchedulerService({
    self: droverArgv(),
    configDir: join(dir.path, 'config'),
    logsDir: join(dir.path, 'logs'),
    host: '127.0.0.1',
    redisUrl: redis.url,
    adminToken: token,
    agentToken: 'bench-agent-token-0123456789abcdef',
    // Production settings: responses are not validated (tests do that), logs at warn.
    extra: { validate_responses: false },
  });
  services = scheduler.services;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const put = (path: string, body: unknown) =>
    fetch(scheduler.url + path, { method: 'PUT', headers, body: JSON.stringify(body) });
  await put('/v1/hosts/web-1', {
    supervisor_url: 'http://127.0.0.1:1',
    logger_url: 'http://127.0.0.1:2',
  });
  await put('/v1/apps/shop', {
    source: { git: { url: 'file:///srv/shop.git', ref: 'main' } },
    processes: { web: { command: ['node', 'server.js'] } },
    stages: { production: { hosts: ['web-1'] } },
  });

  // Enqueueing: sequential, so each figure is one request's own latency.
  const latencies: number[] = [];
  let id = '';
  for (let i = 0; i < enqueues; i++) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${scheduler.url}/v1/apps/shop/stages/production/deploys`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    const body = (await res.json()) as { id: string };
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (res.status !== 202) throw new Error(`enqueue answered ${res.status}`);
    id = body.id;
  }
  latencies.sort((a, b) => a - b);

  const result = await autocannon({
    url: `${scheduler.url}/v1/deploys/${id}`,
    headers: { Authorization: `Bearer ${token}` },
    connections,
    duration: seconds,
  });
  const load = (await import('node:fs'))
    .readFileSync('/proc/loadavg', 'utf8')
    .split(' ')
    .slice(0, 3)
    .join(' ');
  const rps = result.requests.average;
  const p99 = result.latency.p99;
  console.log(`scheduler API (${connections} connections, ${seconds} s, load ${load})`);
  console.log('| measure | drover | target |');
  console.log('|---|---|---|');
  console.log(`| GET /v1/deploys/{id} req/s | ${Math.round(rps)} | ≥ 5000 |`);
  console.log(
    `| GET /v1/deploys/{id} p50 / p99 | ${result.latency.p50} / ${p99} ms | p99 < 20 ms |`,
  );
  console.log(`| errors / non-2xx | ${result.errors} / ${result.non2xx} | 0 |`);
  console.log(
    `| enqueue a deploy p50 / p99 (${enqueues} sequential) | ${percentile(latencies, 50).toFixed(2)} / ${percentile(latencies, 99).toFixed(2)} ms | p50 ≤ 5 ms |`,
  );
} finally {
  for (const s of services.reverse()) await s.stop();
  await redis.stop();
  dir.remove();
}
