// Helpers for the releases' process-level tests: a real git app, a real supervisor process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupervisorApi } from '@drover/contracts';
import { freePort, tempDir, waitFor, type TempDir } from '@drover/contracts/testing';
import {
  TOKEN,
  killTagged,
  startService,
  writeConfig,
  type Service,
} from '../supervisor/helpers.js';

export type Schemas = SupervisorApi.components['schemas'];
export type PrepareRequest = Schemas['PrepareRequest'];
export type PublishResult = Schemas['PublishResult'];
export type Release = Schemas['Release'];

/** The released program: answers its VERSION, its working directory and whether it was built. */
const SERVER_JS = `
const http = require('node:http');
const fs = require('node:fs');
const version = fs.readFileSync('VERSION', 'utf8').trim();
if (version.startsWith('bad')) { console.error('bad release, exiting'); process.exit(3); }
http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({
    version,
    cwd: process.cwd(),
    built: fs.existsSync('BUILT') ? fs.readFileSync('BUILT', 'utf8').trim() : null,
    secret: process.env.SECRET_TOKEN === undefined ? null : 'set',
  }));
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();
}

/** A bare repo reached over file:// and a work tree that commits versions of the server app. */
export class GitApp {
  readonly bare: string;
  readonly work: string;
  readonly url: string;

  constructor(dir: string) {
    this.bare = join(dir, 'app.git');
    this.work = join(dir, 'work');
    execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', this.bare]);
    mkdirSync(this.work);
    git(this.work, 'init', '--quiet', '--initial-branch=main');
    git(this.work, 'remote', 'add', 'origin', this.bare);
    this.url = `file://${this.bare}`;
  }

  /** Commits `version` (and any extra files), pushes, answers the sha. */
  commit(version: string, files: Record<string, string> = {}): string {
    writeFileSync(join(this.work, 'server.js'), SERVER_JS);
    writeFileSync(join(this.work, 'VERSION'), `${version}\n`);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(this.work, name), text);
    git(this.work, 'add', '-A');
    git(this.work, 'commit', '--quiet', '-m', version);
    git(this.work, 'push', '--quiet', 'origin', 'HEAD:main');
    return git(this.work, 'rev-parse', 'HEAD');
  }
}

/** A real `drover supervisor` process on its own root. */
export interface Host {
  dir: TempDir;
  root: string;
  appDir: (app: string) => string;
  service: Service;
  url: string;
  close(): Promise<void>;
}

export async function startHost(prefix = 'drover-rel-'): Promise<Host> {
  const dir = tempDir(prefix);
  const file = writeConfig(dir.path, { programs: {} });
  const root = join(dir.path, 'root');
  const service = await startService(file);
  return {
    dir,
    root,
    appDir: (app) => join(root, 'apps', app),
    service,
    url: service.url,
    async close() {
      await service.child.stop('SIGTERM', 15_000);
      killTagged(root);
      dir.remove();
    },
  };
}

export interface CallResult<T> {
  status: number;
  body: T;
  text: string;
}

/** POST/GET with the agent token; `accept` picks JSON, text or SSE. */
export async function call<T = unknown>(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  accept = 'application/json',
): Promise<CallResult<T>> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      Accept: accept,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') {
    parsed = JSON.parse(text);
  }
  return { status: res.status, body: parsed as T, text };
}

export interface Deploy {
  deploy_id: string;
  who: string;
  fence: number;
}

export function deploy(id: string, fence = 1): Deploy {
  return { deploy_id: id, who: 'tester', fence };
}

/** The web process of the server app, with a short start and a tcp readiness check. */
export function webProcess(port: number): Schemas['ProgramSpec'] {
  return {
    command: [process.execPath, 'server.js'],
    start_secs: '150ms',
    start_retries: 0,
    ready: { tcp: port },
    stop_timeout: '2s',
  };
}

export function prepareBody(
  d: Deploy,
  id: string,
  app: GitApp,
  revision: string,
  port: number,
  extra: Partial<PrepareRequest> = {},
): PrepareRequest {
  return {
    ...d,
    id,
    revision,
    source: { git: { url: app.url, ref: 'main' } },
    build: [
      'echo "building $APP_ENV"',
      'echo "token is $SECRET_TOKEN"',
      'printf "%s" "$APP_ENV" > BUILT',
    ],
    environment: { PORT: String(port), APP_ENV: 'test', SECRET_TOKEN: 'hunter2-very-secret' },
    linked_dirs: ['log', 'tmp/cache'],
    processes: { web: webProcess(port) },
    ...extra,
  };
}

export const FAST_HEALTH = { min_healthy: '300ms', timeout: '15s' };

/** What the released server answers. */
export async function served(
  port: number,
): Promise<{ version: string; cwd: string; built: string | null }> {
  return waitFor(`the app on :${port}`, async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`);
    return (await res.json()) as { version: string; cwd: string; built: string | null };
  });
}

export { freePort, tempDir, waitFor };
