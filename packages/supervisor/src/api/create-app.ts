import express, { type Express, type Request } from 'express';
import { parseDuration, type Log, type SupervisorApi } from '@drover/contracts';
import {
  notFoundHandler,
  openApiMiddleware,
  problemHandler,
  requestLogger,
  textTable,
  wantsText,
} from '@drover/contracts/http';
import { supervisorErrors } from '../errors.js';
import type { SupervisorMetrics } from '../metrics/supervisor-metrics.js';
import type { Action, ProgramManager, ReloadOutcome } from '../programs/program-manager.js';
import { releasesRouter, type Releases } from '../releases/index.js';
import { PROGRAM_TABLE_HEADER, programDetail, programRow, programSummary } from './program-view.js';

type Schemas = SupervisorApi.components['schemas'];
type Paths = SupervisorApi.paths;

export interface AppDeps {
  manager: ProgramManager;
  metrics: SupervisorMetrics;
  log: Log;
  host: string | undefined;
  tokenSha256: () => string;
  reload: () => Promise<ReloadOutcome>;
  validateResponses?: boolean;
  /** App releases (issue 5): `/v1/apps…`. */
  releases?: Releases;
}

const DEFAULT_WAIT_MS = 10_000;

function nameOf(req: Request): string {
  return String(req.params['name']);
}

function waitOf(req: Request): number {
  const w = req.query['wait'];
  return typeof w === 'string' ? parseDuration(w) : DEFAULT_WAIT_MS;
}

/** The supervisor's HTTP face: openapi/supervisor.yaml, validated, token-checked. */
export function createApp(deps: AppDeps): Express {
  const { manager } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogger(deps.log));
  app.use(express.json({ limit: '1mb' }));
  app.use(
    ...openApiMiddleware({
      spec: 'supervisor',
      tokens: () => [{ name: 'agent', scopes: ['admin'], sha256: deps.tokenSha256() }],
      validateResponses: deps.validateResponses ?? false,
    }),
  );

  app.get('/v1/health', (_req, res) => {
    const body: Schemas['Health'] = {
      status: 'ok',
      programs: manager.list().length,
      version: '1.0.0',
      ...(deps.host === undefined ? {} : { host: deps.host }),
    };
    res.json(body);
  });

  app.get('/metrics', async (_req, res) => {
    res.type('text/plain').send(await deps.metrics.registry.metrics());
  });

  app.get('/v1/programs', (req, res) => {
    const programs = manager.list().map((p) => programSummary(p));
    if (wantsText(req)) {
      res.type('text/plain').send(textTable(PROGRAM_TABLE_HEADER, programs.map(programRow)));
      return;
    }
    const body: Paths['/v1/programs']['get']['responses']['200']['content']['application/json'] = {
      programs,
    };
    res.json(body);
  });

  app.get('/v1/programs/:name', (req, res) => {
    const program = programDetail(manager.get(nameOf(req)));
    if (wantsText(req)) {
      const lines = program.history.map(
        (h) => `${h.at}  ${h.from} -> ${h.to}  ${h.event}: ${h.reason}`,
      );
      res
        .type('text/plain')
        .send(textTable(PROGRAM_TABLE_HEADER, [programRow(program)]) + lines.join('\n') + '\n');
      return;
    }
    res.json(program);
  });

  app.put('/v1/programs/:name', async (req, res) => {
    const name = nameOf(req);
    const spec = req.body as Schemas['ProgramSpec'];
    if ((spec.instances ?? 1) !== 1) {
      throw supervisorErrors.invalidSpec(
        name,
        'instances must be 1 here: define each instance by name',
      );
    }
    const { created, program } = await manager.define(name, spec, 'api');
    res.status(created ? 201 : 200).json(programDetail(program));
  });

  app.delete('/v1/programs/:name', async (req, res) => {
    await manager.remove(nameOf(req));
    res.status(204).end();
  });

  app.post('/v1/programs/:name/signal', (req, res) => {
    const { signal } = req.body as { signal: Schemas['Signal'] };
    const program = manager.signal(nameOf(req), `SIG${signal}`);
    res.json(programDetail(program));
  });

  app.post('/v1/programs/:name/:action', async (req, res) => {
    const action = String(req.params['action']) as Action;
    const { reached, program } = await manager.act(nameOf(req), action, waitOf(req));
    const body: Schemas['ActionResult'] = { reached, program: programDetail(program) };
    res.json(body);
  });

  app.post('/v1/reload', async (_req, res) => {
    const body: Schemas['ReloadResult'] = await deps.reload();
    res.json(body);
  });

  if (deps.releases !== undefined) app.use(releasesRouter(deps.releases));

  app.use(notFoundHandler);
  app.use(problemHandler(deps.log));
  return app;
}
