// drover's side of `npm run bench -- deploy`: one deploy or rollback through the scheduler API,
// timed from the POST to the end of the deploy's log (followed as SSE: each event id is the
// Redis stream id, whose first part is the millisecond the executor wrote the line, so the log
// also gives the phase and per-host breakdown), with the executor's and supervisors' CPU.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { TestStack } from '../tests/support/stack.js';

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of a process, in ms (clock-tick resolution: 10 ms here). */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (1-based, proc(5)).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}

export interface LogEvent {
  at: number;
  line: string;
}

export interface DroverTiming {
  status: string;
  wallMs: number;
  /** POST answered (202) after this many ms. */
  postMs: number;
  executorCpuMs: number;
  /** All supervisors' CPU during the deploy, summed. */
  supervisorCpuMs: number;
  events: LogEvent[];
  /** When the POST was sent (epoch ms, the clock the log's ids use). */
  t0: number;
}

function parseSse(text: string): LogEvent[] {
  const out: LogEvent[] = [];
  for (const block of text.split('\n\n')) {
    let id: string | undefined;
    const data: string[] = [];
    for (const l of block.split('\n')) {
      if (l.startsWith('id: ')) id = l.slice(4);
      else if (l.startsWith('data: ')) data.push(l.slice(6));
    }
    if (id !== undefined) out.push({ at: Number(id.split('-')[0]), line: data.join('\n') });
  }
  return out;
}

/** POSTs a deploy (or rollback) of `app` to stage production and follows it to its end. */
export async function runDroverDeploy(
  stack: TestStack,
  app: string,
  kind: 'deploy' | 'rollback',
): Promise<DroverTiming> {
  const executorPid = stack.executors[0]?.proc.pid;
  const supervisorPids = stack.hosts.map((h) => h.services.at(-1)?.proc.pid);
  const cpu0 = cpuMs(executorPid);
  const sup0 = supervisorPids.reduce<number>((s, p) => s + cpuMs(p), 0);
  const t0 = Date.now();
  const started = process.hrtime.bigint();
  const path =
    kind === 'deploy'
      ? `/v1/apps/${app}/stages/production/deploys`
      : `/v1/apps/${app}/stages/production/rollback`;
  const r = await stack.api<{ id: string }>('POST', path, {});
  const postMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 202) throw new Error(`${kind} ${app}: ${r.status} ${JSON.stringify(r.body)}`);
  const res = await fetch(`${stack.url}/v1/deploys/${r.body.id}/log?follow=true`, {
    headers: { ...stack.headers, Accept: 'text/event-stream' },
  });
  const text = await res.text();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const executorCpuMs = cpuMs(executorPid) - cpu0;
  const supervisorCpuMs = supervisorPids.reduce<number>((s, p) => s + cpuMs(p), 0) - sup0;
  const events = parseSse(text);
  const last = events.at(-1)?.line ?? '';
  const status = /^deploy \S+ (\w+)/.exec(last)?.[1] ?? 'unknown';
  return { status, wallMs, postMs, executorCpuMs, supervisorCpuMs, events, t0 };
}

export interface Breakdown {
  /** POST → the executor's first line (queue pickup, stage lock). */
  pickup: number;
  starting: number;
  updating: number;
  publishing: number;
  finishing: number;
  /** Final log line → the bench saw the stream end. */
  tail: number;
  /** Per host: prepare request → prepared (ms). */
  prepare: number[];
  /** Per host: its group's start → live and healthy (ms). */
  publish: number[];
  /** Per group: start → last host healthy. */
  groups: number[];
}

/** Phase durations and per-host step durations from a deploy's log (ms). */
export function breakdown(t: DroverTiming): Breakdown {
  const ev = t.events;
  const at = (re: RegExp) => ev.find((e) => re.test(e.line))?.at;
  const first = at(/^executor \S+ (starts|takes)/) ?? ev[0]?.at ?? t.t0;
  const end = ev.at(-1)?.at ?? t.t0 + t.wallMs;
  const phase = (name: string) => at(new RegExp(`^phase ${name}$`));
  const marks = ['starting', 'updating', 'publishing', 'finishing'].map(phase);
  const span = (i: number) => {
    const a = marks[i];
    const b = marks.slice(i + 1).find((m) => m !== undefined) ?? end;
    return a === undefined ? 0 : b - a;
  };
  const prepStart = new Map<string, number>();
  const prepare: number[] = [];
  const publish: number[] = [];
  const groups: number[] = [];
  let groupStart = 0;
  let groupLast = 0;
  const closeGroup = () => {
    if (groupStart > 0) groups.push(groupLast - groupStart);
  };
  for (const e of ev) {
    const prep = /^\[([^\]]+)\] prepare release/.exec(e.line);
    if (prep?.[1] !== undefined) prepStart.set(prep[1], e.at);
    const done = /^\[([^\]]+)\] prepared /.exec(e.line);
    const begun = done?.[1] !== undefined ? prepStart.get(done[1]) : undefined;
    if (begun !== undefined) prepare.push(e.at - begun);
    if (/^group \d+\/\d+: /.test(e.line)) {
      closeGroup();
      groupStart = e.at;
      groupLast = e.at;
    }
    if (/^\[[^\]]+\] \S+ is live and healthy/.test(e.line)) {
      publish.push(e.at - groupStart);
      groupLast = e.at;
    }
  }
  closeGroup();
  return {
    pickup: first - t.t0,
    starting: span(0),
    updating: span(1),
    publishing: span(2),
    finishing: span(3),
    tail: t.t0 + t.wallMs - end,
    prepare,
    publish,
    groups,
  };
}

export interface StepProfile {
  /** Each output line of the call with the ms since the request was sent, as it arrived. */
  lines: { ms: number; line: string }[];
  totalMs: number;
}

/**
 * Calls one supervisor directly (what the executor does for one host) with `text/plain`
 * streaming, timing each output line on arrival: where a prepare or a publish spends its time.
 */
export async function profileAgentCall(
  url: string,
  token: string,
  body: unknown,
): Promise<StepProfile> {
  const started = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'text/plain',
    },
    body: JSON.stringify(body),
  });
  const lines: { ms: number; line: string }[] = [];
  let rest = '';
  const decoder = new TextDecoder();
  if (res.body === null) throw new Error(`${url}: no body (${res.status})`);
  for await (const chunk of res.body) {
    rest += decoder.decode(chunk as Uint8Array, { stream: true });
    let nl: number;
    while ((nl = rest.indexOf('\n')) !== -1) {
      lines.push({ ms: ms(), line: rest.slice(0, nl) });
      rest = rest.slice(nl + 1);
    }
  }
  if (rest !== '') lines.push({ ms: ms(), line: rest });
  const last = lines.at(-1)?.line ?? '';
  if (!last.startsWith('OK')) throw new Error(`${url}: ${res.status} ${last}`);
  return { lines, totalMs: ms() };
}
