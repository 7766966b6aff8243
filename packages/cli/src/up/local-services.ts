import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from '@drover/contracts';
import { sha256Hex } from '@drover/contracts/http';
import { startChildService, waitUntilReady, type ChildService } from './child-service.js';

/** How to run `drover <service>` as a child: this very CLI, built or from source. */
export interface SelfCommand {
  command: string;
  args: string[];
}

export interface ServiceHandle {
  url: string;
  services: ChildService[];
}

async function healthy(url: string): Promise<boolean> {
  return (await fetch(`${url}/v1/health`)).ok;
}

function writeConfig(dir: string, name: string, config: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(config), { mode: 0o600 });
  return file;
}

async function portOrFree(port: number | undefined): Promise<number> {
  return port !== undefined && port !== 0 ? port : freePort();
}

export interface SchedulerOptions {
  self: SelfCommand;
  configDir: string;
  logsDir: string;
  host: string;
  port?: number;
  redisUrl: string;
  prefix?: string;
  adminToken: string;
  agentToken: string;
  extra?: Record<string, unknown>;
}

export async function startSchedulerService(o: SchedulerOptions): Promise<ServiceHandle> {
  const port = await portOrFree(o.port);
  const config = writeConfig(o.configDir, 'scheduler', {
    listen: `${o.host}:${port}`,
    redis: o.redisUrl,
    prefix: o.prefix ?? 'drover',
    tokens: [{ name: 'admin', scopes: ['admin'], sha256: sha256Hex(o.adminToken) }],
    agent_token: o.agentToken,
    ...o.extra,
  });
  const url = `http://${o.host}:${port}`;
  const svc = startChildService(
    'scheduler',
    o.self.command,
    [...o.self.args, 'scheduler', '--config', config],
    join(o.logsDir, 'scheduler.log'),
  );
  await waitUntilReady(svc, () => healthy(url));
  return { url, services: [svc] };
}

export interface ExecutorOptions {
  self: SelfCommand;
  configDir: string;
  logsDir: string;
  name: string;
  redisUrl: string;
  prefix?: string;
  agentToken: string;
  extra?: Record<string, unknown>;
}

export async function startExecutorService(o: ExecutorOptions): Promise<ChildService> {
  const config = writeConfig(o.configDir, o.name, {
    redis: o.redisUrl,
    prefix: o.prefix ?? 'drover',
    agent_token: o.agentToken,
    name: o.name,
    ...o.extra,
  });
  const log = join(o.logsDir, `${o.name}.log`);
  const svc = startChildService(
    o.name,
    o.self.command,
    [...o.self.args, 'executor', '--config', config],
    log,
  );
  await waitUntilReady(svc, () =>
    Promise.resolve(readFileSync(log, 'utf8').includes('executor ready')),
  );
  return svc;
}

export interface LocalHostOptions {
  self: SelfCommand;
  name: string;
  /** The host's own folder: supervisor root, logger root, configs. */
  dir: string;
  logsDir: string;
  host: string;
  supervisorPort?: number;
  loggerPort?: number;
  agentToken: string;
  supervisorExtra?: Record<string, unknown>;
  loggerExtra?: Record<string, unknown>;
}

export interface LocalHost {
  name: string;
  supervisorUrl: string;
  loggerUrl: string;
  root: string;
  services: ChildService[];
}

/**
 * One "host" on this machine: a supervisor and its logger with their own root and ports, the
 * logger reading the supervisor's FIFOs. The logger starts first so no early line waits.
 */
export async function startLocalHost(o: LocalHostOptions): Promise<LocalHost> {
  const root = join(o.dir, 'root');
  const fifoDir = join(root, 'state', 'fifo');
  mkdirSync(fifoDir, { recursive: true });
  const supervisorPort = await portOrFree(o.supervisorPort);
  const loggerPort = await portOrFree(o.loggerPort);
  const tokenSha = sha256Hex(o.agentToken);
  const configDir = join(o.dir, 'config');
  const loggerConfig = writeConfig(configDir, 'logger', {
    listen: `${o.host}:${loggerPort}`,
    root: join(o.dir, 'logs'),
    ingest: fifoDir,
    token_sha256: tokenSha,
    ...o.loggerExtra,
  });
  const supervisorConfig = writeConfig(configDir, 'supervisor', {
    host: o.name,
    listen: `${o.host}:${supervisorPort}`,
    root,
    fifo_dir: fifoDir,
    token_sha256: tokenSha,
    ...o.supervisorExtra,
  });
  const loggerUrl = `http://${o.host}:${loggerPort}`;
  const supervisorUrl = `http://${o.host}:${supervisorPort}`;
  const logger = startChildService(
    `${o.name}-logger`,
    o.self.command,
    [...o.self.args, 'logger', '--config', loggerConfig],
    join(o.logsDir, `${o.name}-logger.log`),
  );
  const services: ChildService[] = [logger];
  try {
    await waitUntilReady(logger, () => healthy(loggerUrl));
    const supervisor = startChildService(
      `${o.name}-supervisor`,
      o.self.command,
      [...o.self.args, 'supervisor', '--config', supervisorConfig],
      join(o.logsDir, `${o.name}-supervisor.log`),
    );
    services.push(supervisor);
    await waitUntilReady(supervisor, () => healthy(supervisorUrl));
  } catch (err) {
    for (const s of services.reverse()) await s.stop();
    throw err;
  }
  return { name: o.name, supervisorUrl, loggerUrl, root, services };
}
