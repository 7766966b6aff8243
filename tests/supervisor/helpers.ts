// Shared helpers for the supervisor's process-level tests.
import { constants, openSync, realpathSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import { createLog, type SupervisorApi } from '@drover/contracts';
import { sha256Hex } from '@drover/contracts/http';
import {
  droverArgv,
  startChild,
  tempDir,
  waitFor,
  type Child,
  type TempDir,
} from '@drover/contracts/testing';
import {
  createSupervisor,
  loadSupervisorConfig,
  readProcStat,
  scanTaggedProcesses,
  type ProgramSpecInput,
  type Supervisor,
} from '@drover/supervisor';

export const TOKEN = 'test-agent-token';
export type Client = ReturnType<
  typeof createClient<SupervisorApi.paths, 'application/json' | 'application/problem+json'>
>;
export type ProgramView = SupervisorApi.components['schemas']['Program'];

export function apiClient(url: string, token: string | null = TOKEN): Client {
  return createClient<SupervisorApi.paths, 'application/json' | 'application/problem+json'>({
    baseUrl: url,
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
}

export interface ConfigOptions {
  programs: Record<string, ProgramSpecInput>;
  extra?: Record<string, unknown>;
}

/** Writes a supervisor config into `dir/supervisor.yaml` with `root: dir/root`. */
export function writeConfig(dir: string, o: ConfigOptions): string {
  const file = join(dir, 'supervisor.yaml');
  writeFileSync(
    file,
    JSON.stringify({
      root: join(dir, 'root'),
      listen: '127.0.0.1:0',
      token_sha256: sha256Hex(TOKEN),
      adopt_poll: '50ms',
      log_level: 'info',
      ...o.extra,
      programs: o.programs,
    }),
  );
  return file;
}

/** Kills every process a supervisor on `root` left (tag scan), so no test leaves anything. */
export function killTagged(root: string): void {
  let tag: string;
  try {
    tag = realpathSync(root);
  } catch {
    return;
  }
  for (const t of scanTaggedProcesses(tag)) {
    try {
      process.kill(-t.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

export function taggedPids(root: string, program?: string): number[] {
  return scanTaggedProcesses(realpathSync(root))
    .filter((t) => program === undefined || t.program === program)
    .map((t) => t.pid)
    .sort((a, b) => a - b);
}

export function alive(pid: number): boolean {
  const s = readProcStat(pid);
  return s !== undefined && s.state !== 'Z';
}

/** A supervisor built in this process (tests that need no restart of it). */
export interface InProcess {
  sup: Supervisor;
  url: string;
  api: Client;
  dir: TempDir;
  root: string;
  close(): Promise<void>;
}

export async function startInProcess(
  programs: Record<string, ProgramSpecInput>,
  extra: Record<string, unknown> = {},
  dir: TempDir = tempDir('drover-sv-'),
): Promise<InProcess> {
  const file = writeConfig(dir.path, { programs, extra });
  const config = loadSupervisorConfig(file);
  const sup = createSupervisor({
    config,
    log: createLog('supervisor', { level: 'silent' }),
    baseEnv: process.env,
    isRoot: process.getuid?.() === 0,
    validateResponses: true,
  });
  const url = await sup.start();
  const root = config.root;
  const handle: InProcess = {
    sup,
    url,
    api: apiClient(url),
    dir,
    root,
    async close() {
      // `sup` may have been swapped by a test that restarts the supervisor.
      await handle.sup.shutdown();
      killTagged(root);
      dir.remove();
    },
  };
  return handle;
}

/** `drover supervisor --config FILE` as a real child process. */
export interface Service {
  child: Child;
  url: string;
  api: Client;
}

export async function startService(configFile: string): Promise<Service> {
  const { command, args } = droverArgv('supervisor', '--config', configFile);
  const child = startChild(command, args);
  const line = await child.waitForOutput(/"url":"(http:[^"]+)"/, 30_000);
  const url = /"url":"(http:[^"]+)"/.exec(line)?.[1];
  if (url === undefined) throw new Error(`no url in ${line}`);
  return { child, url, api: apiClient(url) };
}

/** Reads a FIFO the way the logger does (net.Socket on a non-blocking fd), collecting lines. */
export class FifoReader {
  lines: string[] = [];
  /** Everything read, byte for byte (as UTF-8 text). */
  text = '';
  private socket: Socket;
  private rest = '';

  constructor(path: string) {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    this.socket = new Socket({ fd, readable: true, writable: false });
    this.socket.on('data', (chunk: Buffer) => {
      this.text += chunk.toString('utf8');
      const text = this.rest + chunk.toString('utf8');
      const parts = text.split('\n');
      this.rest = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    this.socket.on('error', () => undefined);
  }

  async waitForLine(match: RegExp | string, timeoutMs = 10_000): Promise<string> {
    return waitFor(
      `a line matching ${String(match)}`,
      () => this.lines.find((l) => (typeof match === 'string' ? l.includes(match) : match.test(l))),
      { timeoutMs },
    );
  }

  close(): void {
    this.socket.destroy();
  }
}

export async function program(api: Client, name: string): Promise<ProgramView> {
  const { data, error } = await api.GET('/v1/programs/{name}', { params: { path: { name } } });
  if (data === undefined) throw new Error(`GET ${name}: ${JSON.stringify(error)}`);
  return data;
}

export async function waitState(
  api: Client,
  name: string,
  check: (p: ProgramView) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<ProgramView> {
  return waitFor(
    `${name} ${what}`,
    async () => {
      const p = await program(api, name);
      return check(p) ? p : undefined;
    },
    { timeoutMs },
  );
}
