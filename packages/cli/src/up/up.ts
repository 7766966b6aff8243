import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort, parseListen, type SupervisorApi } from '@drover/contracts';
import { apiError, createSchedulerClient, type SchedulerClient } from '../client/api-client.js';
import { applyFleet } from '../fleet/apply-fleet.js';
import { readFleetFile, type FleetFile } from '../fleet/fleet-file.js';
import type { ChildService } from './child-service.js';
import { startEmbeddedRedis } from './embedded-redis.js';
import { seedGitRepo } from './git-seed.js';
import { adminToken, upHome } from './home.js';
import {
  startExecutorService,
  startLocalHost,
  startSchedulerService,
  type LocalHost,
  type SelfCommand,
} from './local-services.js';

type ProgramList = SupervisorApi.components['schemas']['ProgramList'];

export interface UpOptions {
  home: string;
  listen: string;
  fleetFile: string | undefined;
  /** Where Redis is when the user brings their own (REDIS_URL). */
  redisUrl: string | undefined;
  self: SelfCommand;
  print: (line: string) => void;
}

export interface RunningStack {
  url: string;
  token: string;
  hosts: LocalHost[];
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLocal(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** The agents' token, made once and kept beside the admin token. */
function agentToken(dir: string): string {
  const file = join(dir, 'agent.token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = `drv_agent_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

async function agentJson<T>(url: string, token: string, method = 'GET'): Promise<T | undefined> {
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: method === 'POST' ? '{}' : undefined,
    signal: AbortSignal.timeout(15_000),
  }).catch(() => undefined);
  if (!res?.ok) return undefined;
  return (await res.json()) as T;
}

/**
 * `drover up`: the whole stack on one machine — Redis (embedded unless REDIS_URL), the scheduler,
 * a supervisor + logger pair for every host of the fleet file on loopback, and an executor; then
 * the fleet file applied, example apps put into git, and every all-local stage deployed.
 */
export async function startStack(o: UpOptions): Promise<RunningStack> {
  const home = upHome(o.home);
  const started: ChildService[] = [];
  const hosts: LocalHost[] = [];
  const agentTok = agentToken(home.dir);
  const stopServices = async () => {
    for (const s of started.reverse()) await s.stop();
  };
  try {
    let redisUrl = o.redisUrl;
    if (redisUrl === undefined) {
      const port = await freePort();
      started.push(await startEmbeddedRedis(home.redisDir, port, home.logsDir));
      redisUrl = `redis://127.0.0.1:${port}`;
    }
    const { token, created } = adminToken(home);
    const listen = parseListen(o.listen);
    const scheduler = await startSchedulerService({
      self: o.self,
      configDir: home.configDir,
      logsDir: home.logsDir,
      host: listen.host,
      port: listen.port,
      redisUrl,
      adminToken: token,
      agentToken: agentTok,
    });
    started.push(...scheduler.services);
    const url = scheduler.url;
    o.print(`scheduler: ${url}`);

    let fleet: FleetFile | undefined;
    if (o.fleetFile !== undefined) {
      fleet = readFleetFile(o.fleetFile, { ...process.env, DROVER_HOME: home.dir });
      const localHosts = Object.entries(fleet.hosts).filter(
        ([, h]) => isLocal(h.supervisor_url) && isLocal(h.logger_url),
      );
      const pairs = await Promise.all(
        localHosts.map(([name, h]) =>
          startLocalHost({
            self: o.self,
            name,
            dir: join(home.dir, 'hosts', name),
            logsDir: home.logsDir,
            host: '127.0.0.1',
            supervisorPort: portOf(h.supervisor_url),
            loggerPort: portOf(h.logger_url),
            agentToken: agentTok,
          }),
        ),
      );
      for (const p of pairs) {
        hosts.push(p);
        started.push(...p.services);
        o.print(`host ${p.name}: supervisor ${p.supervisorUrl}, logger ${p.loggerUrl}`);
      }
    }
    started.push(
      await startExecutorService({
        self: o.self,
        configDir: home.configDir,
        logsDir: home.logsDir,
        name: 'executor-1',
        redisUrl,
        agentToken: agentTok,
      }),
    );
    o.print('executor: executor-1');

    const client = createSchedulerClient({ url, token });
    const appUrls: string[] = [];
    if (fleet !== undefined && o.fleetFile !== undefined) {
      const results = await applyFleet(client, fleet);
      o.print(
        `applied ${o.fleetFile}: ${results.map((r) => `${r.kind} ${r.name} ${r.outcome}`).join(', ')}`,
      );
      const local = new Set(hosts.map((h) => h.name));
      for (const [appName, app] of Object.entries(fleet.apps)) {
        const source = join(dirname(resolve(o.fleetFile)), appName);
        if (
          'git' in app.source &&
          app.source.git.url === `file://${home.dir}/git/${appName}.git` &&
          existsSync(source)
        ) {
          const sha = seedGitRepo(join(home.dir, 'git'), appName, source);
          o.print(`git: ${appName} at ${sha.slice(0, 12)} from ${source}`);
        }
        for (const [stageName, stage] of Object.entries(app.stages ?? {})) {
          const stageHosts = stage.hosts ?? [];
          if (stageHosts.length === 0 || !stageHosts.every((h) => local.has(h))) continue;
          await bringUp({ client, url, token }, hosts, agentTok, appName, stageName, o.print);
          for (const h of stageHosts) {
            const port = fleet.hosts[h]?.environment?.['PORT'];
            if (port !== undefined) appUrls.push(`${appName} on ${h}: http://127.0.0.1:${port}/`);
          }
        }
      }
    }

    const tokenFile = resolve(home.tokenFile);
    o.print('');
    o.print(`drover is up: ${url}`);
    if (created) o.print(`admin token (shown once, kept in ${tokenFile}): ${token}`);
    else o.print(`admin token: in ${tokenFile}`);
    for (const a of appUrls) o.print(a);
    o.print(`logs: ${home.logsDir}`);
    o.print('next:');
    o.print(`  export DROVER_URL=${url} DROVER_TOKEN=$(cat ${tokenFile})`);
    o.print('  node packages/cli/bin/drover.js ps');
    o.print('  node packages/cli/bin/drover.js logs local-1 hello.web -n 20');
    o.print(
      `  curl -s -X POST -H "Authorization: Bearer $DROVER_TOKEN" -H 'Accept: text/plain' ${url}/v1/apps/hello/stages/local/deploys`,
    );
    o.print('Ctrl-C stops everything.');
    return {
      url,
      token,
      hosts,
      async stop() {
        // Programs first, through their supervisors' API, then the services in reverse order.
        await Promise.all(
          hosts.map(async (h) => {
            const list = await agentJson<ProgramList>(`${h.supervisorUrl}/v1/programs`, agentTok);
            await Promise.all(
              (list?.programs ?? [])
                .filter((p) => p.state !== 'STOPPED' && p.state !== 'EXITED' && p.state !== 'FATAL')
                .map((p) =>
                  agentJson(`${h.supervisorUrl}/v1/programs/${p.name}/stop`, agentTok, 'POST'),
                ),
            );
          }),
        );
        await stopServices();
      },
    };
  } catch (err) {
    await stopServices();
    throw err;
  }
}

/**
 * Deploys a stage unless every host already has a current release; then makes sure the app's
 * programs run (a previous `up` stopped them on its way out).
 */
async function bringUp(
  api: { client: SchedulerClient; url: string; token: string },
  hosts: LocalHost[],
  agentTok: string,
  app: string,
  stage: string,
  print: (line: string) => void,
): Promise<void> {
  const { client } = api;
  const rel = await client.GET('/v1/apps/{app}/stages/{stage}/releases', {
    params: { path: { app, stage } },
  });
  if (!rel.data) throw apiError(`releases of ${app}/${stage}`, rel.response, rel.error);
  if (rel.data.hosts.every((h) => h.current !== undefined)) {
    for (const h of hosts) {
      const list = await agentJson<ProgramList>(`${h.supervisorUrl}/v1/programs`, agentTok);
      for (const p of list?.programs ?? []) {
        if (p.name.startsWith(`${app}.`) && p.state !== 'RUNNING') {
          await agentJson(`${h.supervisorUrl}/v1/programs/${p.name}/start`, agentTok, 'POST');
        }
      }
    }
    print(
      `${app}/${stage}: already deployed (${rel.data.hosts.map((h) => `${h.host} on ${h.current ?? '-'}`).join(', ')})`,
    );
    return;
  }
  const created = await client.POST('/v1/apps/{app}/stages/{stage}/deploys', {
    params: { path: { app, stage } },
    body: { message: 'drover up' },
  });
  if (!created.data || !('id' in created.data))
    throw apiError(`deploy ${app}/${stage}`, created.response, created.error);
  const id = created.data.id;
  print(`deploying ${app} to ${stage} (deploy ${id}):`);
  const log = await fetch(`${api.url}/v1/deploys/${id}/log?follow=true`, {
    headers: { Authorization: `Bearer ${api.token}`, Accept: 'text/plain' },
  });
  const reader = (log.body as ReadableStream<Uint8Array> | null)?.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true, value: undefined };
    if (chunk.done) break;
    buffered += decoder.decode(chunk.value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) print(`  ${line}`);
  }
  const final = await client.GET('/v1/deploys/{id}', { params: { path: { id } } });
  const status = final.data?.status;
  if (status !== 'succeeded')
    throw new Error(`deploy ${id} of ${app} ended ${status ?? 'unknown'}`);
}
