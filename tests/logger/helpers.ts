import { execFileSync } from 'node:child_process';
import {
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import createClient, { type Client } from 'openapi-fetch';
import type { LoggerApi } from '@drover/contracts';
import { sha256Hex } from '@drover/contracts/http';
import {
  droverArgv,
  freePort,
  repoRoot,
  startChild,
  waitFor,
  type Child,
} from '@drover/contracts/testing';

export const TOKEN = 'logger-test-token';
export const TOKEN_SHA256 = sha256Hex(TOKEN);
export const AUTH = { Authorization: `Bearer ${TOKEN}` };

export type LoggerClient = Client<LoggerApi.paths>;

export function loggerClient(url: string): LoggerClient {
  return createClient<LoggerApi.paths>({ baseUrl: url, headers: AUTH });
}

export interface LoggerProcess {
  child: Child;
  url: string;
  client: LoggerClient;
  configFile: string;
}

/** Writes a logger config into `dir` (listen on a free port unless given). */
export async function writeConfig(dir: string, config: Record<string, unknown>): Promise<string> {
  const file = join(dir, `logger-${Date.now()}-${Math.random().toString(36).slice(2)}.yaml`);
  const full = {
    listen: `127.0.0.1:${await freePort()}`,
    token_sha256: TOKEN_SHA256,
    retry: '50ms',
    stop_timeout: '5s',
    log_level: 'warn',
    ...config,
  };
  writeFileSync(file, JSON.stringify(full, null, 2));
  return file;
}

/** Runs `drover logger --config FILE` and waits until it listens. */
export async function startLogger(configFile: string): Promise<LoggerProcess> {
  const { command, args } = droverArgv('logger', '--config', configFile);
  const child = startChild(command, args, { cwd: repoRoot });
  const config = readFileSync(configFile, 'utf8');
  const port = /"listen": "127\.0\.0\.1:(\d+)"/.exec(config)?.[1];
  const url = `http://127.0.0.1:${port}`;
  const exited = child.exited.then(() => {
    throw new Error(`logger exited: ${child.output()}`);
  });
  await Promise.race([
    exited,
    waitFor(
      'the logger to answer /v1/health',
      async () => {
        const res = await fetch(`${url}/v1/health`);
        return res.status === 200;
      },
      { timeoutMs: 20_000, intervalMs: 50 },
    ),
  ]);
  exited.catch(() => undefined);
  return { child, url, client: loggerClient(url), configFile };
}

/** Creates a FIFO and holds it open read-write, as the supervisor does. */
export function makeHeldFifo(dir: string, name: string): { path: string; close(): void } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  const fd = openSync(path, constants.O_RDWR);
  return { path, close: () => closeSync(fd) };
}

/**
 * Every line of a program's log on disk: archives (gunzipped) oldest first, then current. A
 * rotation between listing and reading makes it read again.
 */
export function linesOnDisk(root: string, program: string): string[] {
  for (let attempt = 0; ; attempt++) {
    try {
      return readLinesOnce(join(root, program));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      if (attempt === 10) return [];
    }
  }
}

function readLinesOnce(dir: string): string[] {
  const names = readdirSync(dir);
  const archives = names.filter((n) => /^@.*\.log(\.gz)?$/.test(n)).sort();
  const out: string[] = [];
  for (const a of archives) {
    const raw = readFileSync(join(dir, a));
    const text = (a.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    out.push(...text.split('\n').filter((l) => l !== ''));
  }
  const current = readFileSync(join(dir, 'current'), 'utf8');
  // A partly written last line is not a line yet.
  const complete = current.slice(0, current.lastIndexOf('\n') + 1);
  out.push(...complete.split('\n').filter((l) => l !== ''));
  return out;
}

export function archiveCount(root: string, program: string): number {
  return readdirSync(join(root, program)).filter((n) => /^@.*\.log(\.gz)?$/.test(n)).length;
}

const LINE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z (out|err)\+? (.*)$/;

/** The text part of a stored line (asserting its shape). */
export function textOf(line: string): string {
  const m = LINE.exec(line);
  if (!m || m[2] === undefined) throw new Error(`not a log line: ${JSON.stringify(line)}`);
  return m[2];
}

/**
 * Checks numbered lines `<producer> <n>`: each producer's numbers appear exactly once each, in
 * order, 0..count-1. Returns a description of the first problem, or undefined.
 */
export function checkNumbered(
  texts: string[],
  producers: string[],
  count: number,
): string | undefined {
  const next = new Map(producers.map((p) => [p, 0]));
  for (const t of texts) {
    const [p, nText] = t.split(' ');
    if (p === undefined || !next.has(p)) continue;
    const n = Number(nText);
    const want = next.get(p) ?? 0;
    if (n !== want) return `${p}: expected ${want}, found ${n}`;
    next.set(p, want + 1);
  }
  for (const [p, n] of next) if (n !== count) return `${p}: ${n} lines instead of ${count}`;
  return undefined;
}

/** Runs the FIFO producer fixture as its own process. */
export function startFifoProducer(
  fifo: string,
  prefix: string,
  count: number,
  pad = 0,
  pauseMs = 0,
): Child {
  return startChild(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'tests/logger/fixtures/produce-fifo.ts'),
      fifo,
      prefix,
      String(count),
      String(pad),
      String(pauseMs),
    ],
    { cwd: repoRoot },
  );
}

/** Posts numbered lines `<prefix> <n>` in batches through HTTP. */
export async function postNumbered(
  client: LoggerClient,
  program: string,
  prefix: string,
  count: number,
  batch: number,
  stream: 'out' | 'err' = 'out',
): Promise<void> {
  for (let i = 0; i < count; i += batch) {
    let body = '';
    for (let j = i; j < Math.min(count, i + batch); j++) body += `${prefix} ${j}\n`;
    const { response } = await client.POST('/v1/logs/{program}', {
      params: { path: { program }, query: { stream } },
      body,
      bodySerializer: (b: string) => b,
      headers: { 'Content-Type': 'text/plain' },
    });
    if (response.status !== 200) throw new Error(`POST answered ${response.status}`);
  }
}

/**
 * Reads a streaming response body (follow) until `done` says so, then cancels it. Returns the
 * text received.
 */
export async function readStreamUntil(
  res: Response,
  done: (text: string) => boolean,
  timeoutMs = 15_000,
): Promise<string> {
  const body = res.body;
  if (!body) throw new Error('no body');
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (!done(text)) {
      const chunk: { value?: Uint8Array; done: boolean } = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel();
  }
  if (!done(text)) throw new Error(`stream ended early; got:\n${text.slice(-500)}`);
  return text;
}
