import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Router, type Request, type Response } from 'express';
import { DroverError, type SchedulerApi, type SupervisorApi } from '@drover/contracts';
import { textTable, wantsText } from '@drover/contracts/http';
import { agentCall } from '../agents/agent-call.js';
import { agentGet } from '../agents/agent-get.js';
import { schedulerErrors } from '../errors.js';
import type { RegistryStore, StoredRecord } from '../store/registry-store.js';
import type { HostSpec } from '../views/types.js';

type Schemas = SchedulerApi.components['schemas'];
type Process = Schemas['Process'];
type ProgramSummary = SupervisorApi.components['schemas']['ProgramSummary'];
type ActionResult = SupervisorApi.components['schemas']['ActionResult'];
type Program = SupervisorApi.components['schemas']['Program'];

export interface FleetRoutesDeps {
  hosts: RegistryStore<HostSpec>;
  agentToken: string | undefined;
  agentTimeoutMs: number;
}

function param(req: Request, name: string): string {
  const v = req.params[name];
  return typeof v === 'string' ? v : '';
}

function processOf(host: string, p: ProgramSummary): Process {
  const out: Process = {
    host,
    name: p.name,
    state: p.state,
    ready: p.ready,
    desired: p.desired,
    pid: p.pid,
    uptime_s: p.uptime_s,
    restarts: p.restarts,
  };
  if (p.origin === 'release') out.app = p.name.split('.')[0] ?? p.name;
  return out;
}

function uptime(s: number | null): string {
  if (s === null) return '-';
  if (s < 120) return `${Math.round(s)}s`;
  if (s < 7200) return `${Math.round(s / 60)}m`;
  return `${Math.round(s / 3600)}h`;
}

/** The fleet through one door: every host's programs, actions on them, their logs. */
export function fleetRoutes(deps: FleetRoutesDeps): Router {
  const router = Router();

  async function hostNamed(name: string): Promise<StoredRecord<HostSpec>> {
    const h = await deps.hosts.get(name);
    if (!h) throw schedulerErrors.notFound('host', name);
    return h;
  }

  router.get('/v1/processes', async (req: Request, res: Response) => {
    const q = req.query as { host?: string; app?: string; state?: Process['state'] };
    const hosts = (await deps.hosts.list()).filter(
      (h) => q.host === undefined || h.name === q.host,
    );
    // Every host at once, each with a short timeout: a dead host costs one timeout, not N.
    const answers = await Promise.all(
      hosts.map(async (h) => ({
        host: h.name,
        got: await agentGet<{ programs: ProgramSummary[] }>(
          h.spec.supervisor_url,
          '/v1/programs',
          deps.agentToken,
          deps.agentTimeoutMs,
        ),
      })),
    );
    const body: Schemas['ProcessList'] = { hosts: [], processes: [] };
    for (const { host, got } of answers) {
      if (!got.ok) {
        body.hosts.push({ host, status: 'unreachable', detail: got.detail });
        continue;
      }
      body.hosts.push({ host, status: 'up' });
      for (const p of got.body.programs) {
        const proc = processOf(host, p);
        if (q.app !== undefined && proc.app !== q.app) continue;
        if (q.state !== undefined && proc.state !== q.state) continue;
        body.processes.push(proc);
      }
    }
    if (!wantsText(req)) {
      res.json(body);
      return;
    }
    const down = body.hosts.filter((h) => h.status === 'unreachable');
    const table =
      body.processes.length === 0
        ? 'no programs\n'
        : textTable(
            ['HOST', 'PROGRAM', 'STATE', 'READY', 'PID', 'UPTIME', 'RESTARTS'],
            body.processes.map((p) => [
              p.host,
              p.name,
              p.state,
              p.ready ? 'yes' : 'no',
              p.pid === null ? '-' : String(p.pid),
              uptime(p.uptime_s),
              String(p.restarts),
            ]),
          );
    res
      .type('text/plain')
      .send(table + down.map((h) => `host ${h.host} unreachable: ${h.detail ?? ''}\n`).join(''));
  });

  router.post('/v1/hosts/:host/programs/:program/:action', async (req: Request, res: Response) => {
    const host = await hostNamed(param(req, 'host'));
    const program = param(req, 'program');
    const action = param(req, 'action');
    const body = (req.body ?? {}) as { signal?: string };
    const base = host.spec.supervisor_url;
    let url: URL;
    let payload: string | undefined;
    if (action === 'signal') {
      if (body.signal === undefined) {
        throw new DroverError('validation', 400, 'Request is not valid', {
          detail: 'body.signal is required for the signal action',
        });
      }
      url = new URL(`/v1/programs/${program}/signal`, base);
      payload = JSON.stringify({ signal: body.signal });
    } else {
      url = new URL(`/v1/programs/${program}/${action}`, base);
    }
    const result = await agentCall<ActionResult | Program>(host.name, url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: payload ?? '{}',
      token: deps.agentToken,
      // Actions wait (up to the supervisor's default 10 s) for the target state.
      timeoutMs: Math.max(deps.agentTimeoutMs, 15_000),
    });
    // start/stop/restart answer {reached, program}; signal answers the program itself.
    res.json(processOf(host.name, 'program' in result ? result.program : result));
  });

  router.get('/v1/hosts/:host/programs/:program/log', async (req: Request, res: Response) => {
    const host = await hostNamed(param(req, 'host'));
    const program = param(req, 'program');
    const url = new URL(`/v1/logs/${program}`, host.spec.logger_url);
    // Pass the caller's own query text on (validated already), encoded with %20 rather than `+`.
    const given = new URL(req.originalUrl, 'http://scheduler').searchParams;
    const query: string[] = [];
    for (const key of ['tail', 'since', 'until', 'follow', 'grep', 'stream']) {
      const v = given.get(key);
      if (v !== null) query.push(`${key}=${encodeURIComponent(v)}`);
    }
    if (query.length > 0) url.search = query.join('&');
    const headers: Record<string, string> = { Accept: req.get('accept') ?? 'text/plain' };
    if (deps.agentToken !== undefined) headers['Authorization'] = `Bearer ${deps.agentToken}`;
    const last = req.get('last-event-id');
    if (last !== undefined) headers['Last-Event-ID'] = last;
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    let upstream: globalThis.Response;
    try {
      upstream = await fetch(url, { headers, signal: abort.signal });
    } catch (err) {
      throw new DroverError('host-unreachable', 502, 'Host agent did not answer', {
        detail: `${host.name} logger: ${(err as Error).message}`,
      });
    }
    if (!upstream.ok || upstream.body === null) {
      const text = await upstream.text();
      let detail = `HTTP ${upstream.status}`;
      try {
        detail = (JSON.parse(text) as { detail?: string }).detail ?? detail;
      } catch {
        /* not a problem document */
      }
      const status = upstream.status === 404 || upstream.status === 400 ? upstream.status : 502;
      throw new DroverError(
        status === 404 ? 'not-found' : 'agent-error',
        status,
        'Log not available',
        {
          detail: `${host.name}: ${detail}`,
        },
      );
    }
    res.status(200);
    res.type(upstream.headers.get('content-type') ?? 'text/plain');
    res.setHeader('Cache-Control', 'no-cache');
    res.flushHeaders();
    // Stream as it comes (follow may never end): backpressure from the client reaches the logger.
    Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>)
      .on('error', () => res.end())
      .pipe(res);
  });

  return router;
}
