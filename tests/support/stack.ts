import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  startExecutorService,
  startLocalHost,
  startSchedulerService,
  type ChildService,
  type LocalHost,
} from '@drover/cli';
import {
  droverArgv,
  freePort,
  startRedis,
  tempDir,
  type TempDir,
  type TestRedis,
} from '@drover/contracts/testing';

export interface TestStack {
  url: string;
  adminToken: string;
  agentToken: string;
  dir: TempDir;
  redis: TestRedis;
  hosts: LocalHost[];
  /**
   * Free ports each host's environment offers apps, as PORT_1…PORT_n (PORT is PORT_1), by host
   * name: apps sharing a host each take a slot of their own.
   */
  appPorts: Record<string, number[]>;
  executors: ChildService[];
  headers: Record<string, string>;
  /** Calls the scheduler API as admin; JSON bodies in and out. */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  stop(): Promise<void>;
}

/**
 * A supervisor that crashed leaves its programs running (by design: the next one adopts them).
 * A test stack has no next supervisor, so whatever still works inside its folder is killed.
 */
function killStragglers(root: string): void {
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let cwd = '';
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      continue;
    }
    if (!cwd.startsWith(root)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

export interface StackOptions {
  hosts: number;
  executors: number;
  executorExtra?: Record<string, unknown>;
  /** How many app ports each host offers (default 1). */
  portSlots?: number;
  schedulerExtra?: Record<string, unknown>;
}

/**
 * A whole drover on this machine from built JavaScript: redis-server, a scheduler, `hosts`
 * supervisor + logger pairs (registered as host-1…) and `executors` executors.
 */
export async function startStack(o: StackOptions): Promise<TestStack> {
  const dir = tempDir('drover-stack-');
  const redis = await startRedis();
  const self = droverArgv();
  const adminToken = 'stack-admin-token-0123456789abcdef';
  const agentToken = 'stack-agent-token-0123456789abcdef';
  const logsDir = join(dir.path, 'logs');
  const configDir = join(dir.path, 'config');
  const started: ChildService[] = [];
  const hosts: LocalHost[] = [];
  const executors: ChildService[] = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop(5000);
    await redis.stop();
    killStragglers(dir.path);
  };
  try {
    const scheduler = await startSchedulerService({
      self,
      configDir,
      logsDir,
      host: '127.0.0.1',
      redisUrl: redis.url,
      adminToken,
      agentToken,
      extra: { validate_responses: true, ...o.schedulerExtra },
    });
    started.push(...scheduler.services);
    const hostStarts = Array.from({ length: o.hosts }, (_, i) =>
      startLocalHost({
        self,
        name: `host-${i + 1}`,
        dir: join(dir.path, `host-${i + 1}`),
        logsDir,
        host: '127.0.0.1',
        agentToken,
      }),
    );
    for (const h of await Promise.all(hostStarts)) {
      hosts.push(h);
      started.push(...h.services);
    }
    for (let i = 0; i < o.executors; i++) {
      const e = await startExecutorService({
        self,
        configDir,
        logsDir,
        name: `executor-${i + 1}`,
        redisUrl: redis.url,
        agentToken,
        extra: {
          lock_duration: '2s',
          stalled_interval: '1s',
          stage_lease: '3s',
          lock_poll: '200ms',
          ...o.executorExtra,
        },
      });
      executors.push(e);
      started.push(e);
    }
    const appPorts: Record<string, number[]> = {};
    for (const h of hosts) {
      appPorts[h.name] = [];
      for (let i = 0; i < (o.portSlots ?? 1); i++) appPorts[h.name]?.push(await freePort());
    }
    const headers = { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' };
    const stack: TestStack = {
      url: scheduler.url,
      adminToken,
      agentToken,
      dir,
      redis,
      hosts,
      appPorts,
      executors,
      headers,
      async api<T>(
        method: string,
        path: string,
        body?: unknown,
        extraHeaders: Record<string, string> = {},
      ) {
        const init: RequestInit = { method, headers: { ...headers, ...extraHeaders } };
        if (body !== undefined) init.body = JSON.stringify(body);
        const res = await fetch(scheduler.url + path, init);
        const text = await res.text();
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* text/plain */
        }
        return { status: res.status, body: parsed as T, headers: res.headers };
      },
      async stop() {
        await stopAll();
        // DROVER_KEEP_STACK=1 keeps configs, roots and service logs for a post-mortem.
        if (process.env['DROVER_KEEP_STACK'] === '1') console.log(`stack kept in ${dir.path}`);
        else dir.remove();
      },
    };
    for (const h of hosts) {
      const r = await stack.api('PUT', `/v1/hosts/${h.name}`, {
        supervisor_url: h.supervisorUrl,
        logger_url: h.loggerUrl,
        roles: ['web'],
        environment: Object.fromEntries<string>([
          ['PORT', String(appPorts[h.name]?.[0])],
          ...(appPorts[h.name] ?? []).map((p, i): [string, string] => [`PORT_${i + 1}`, String(p)]),
        ]),
      });
      if (r.status !== 201)
        throw new Error(`registering ${h.name}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return stack;
  } catch (err) {
    await stopAll();
    dir.remove();
    throw err;
  }
}
