import { Router, type Request, type Response } from 'express';
import type { Redis } from 'ioredis';
import { textTable, wantsEventStream, wantsText, principalOf } from '@drover/contracts/http';
import type { DeployKeys, DeployStatus, SchedulerApi, SupervisorApi } from '@drover/contracts';
import { agentGet } from '../agents/agent-get.js';
import {
  createDeploy,
  type CreateDeployDeps,
  type CreateDeployInput,
} from '../deploys/create-deploy.js';
import { deployText, deployView } from '../deploys/deploy-view.js';
import { readDeployLog } from '../deploys/log-reader.js';
import { schedulerErrors } from '../errors.js';
import { resolveTargets } from '../deploys/resolve-targets.js';

type Schemas = SchedulerApi.components['schemas'];
type Release = SupervisorApi.components['schemas']['Release'];

export interface DeployRoutesDeps extends CreateDeployDeps {
  redis: Redis;
  keys: DeployKeys;
  agentToken: string | undefined;
  agentTimeoutMs: number;
}

function param(req: Request, name: string): string {
  const v = req.params[name];
  return typeof v === 'string' ? v : '';
}

function whoCalled(res: Response): string {
  return principalOf(res.locals)?.name ?? 'unknown';
}

export function deployRoutes(deps: DeployRoutesDeps): Router {
  const router = Router();

  const create = async (req: Request, res: Response, input: CreateDeployInput) => {
    const result = await createDeploy(deps, input, {
      app: param(req, 'app'),
      stage: param(req, 'stage'),
      who: whoCalled(res),
      idempotencyKey: req.get('idempotency-key'),
    });
    if (result.type === 'plan') {
      if (wantsText(req)) {
        res
          .type('text/plain')
          .send(
            result.plan.phases
              .map((p) => `${p.phase}:\n${p.steps.map((s) => `  ${s}\n`).join('')}`)
              .join(''),
          );
      } else res.status(200).json(result.plan);
      return;
    }
    const view = deployView(result.deploy);
    res.setHeader('Location', `/v1/deploys/${view.id}`);
    res.status(202);
    if (wantsText(req)) res.type('text/plain').send(deployText(view));
    else res.json(view);
  };

  router.post('/v1/apps/:app/stages/:stage/deploys', async (req, res) => {
    await create(req, res, {
      kind: 'deploy',
      request: (req.body ?? {}) as Schemas['DeployRequest'],
    });
  });
  router.post('/v1/apps/:app/stages/:stage/rollback', async (req, res) => {
    await create(req, res, {
      kind: 'rollback',
      request: (req.body ?? {}) as Schemas['RollbackRequest'],
    });
  });

  router.get('/v1/apps/:app/stages/:stage/releases', async (req, res) => {
    const appName = param(req, 'app');
    const stageName = param(req, 'stage');
    const app = await deps.apps.get(appName);
    const stage = app?.spec.stages?.[stageName];
    if (!app) throw schedulerErrors.notFound('app', appName);
    if (!stage) throw schedulerErrors.notFound(`stage of app ${appName}`, stageName);
    const targets = resolveTargets(app, stageName, stage, await deps.hosts.list());
    const hosts = await Promise.all(
      targets.map(async (t) => {
        const got = await agentGet<{ releases: Release[] }>(
          t.supervisor_url,
          `/v1/apps/${appName}/releases`,
          deps.agentToken,
          deps.agentTimeoutMs,
        );
        const entry: Schemas['StageReleases']['hosts'][number] = { host: t.name, releases: [] };
        if (got.ok) {
          entry.releases = got.body.releases.map((r) => ({
            id: r.id,
            revision: r.revision,
            bad: r.bad,
          }));
          const cur = got.body.releases.find((r) => r.current);
          if (cur) entry.current = cur.id;
        }
        return entry;
      }),
    );
    const body: Schemas['StageReleases'] = { app: appName, stage: stageName, hosts };
    if (wantsText(req)) {
      res.type('text/plain').send(
        textTable(
          ['HOST', 'CURRENT', 'RELEASES'],
          hosts.map((h) => [
            h.host,
            h.current ?? '-',
            h.releases.map((r) => r.id + (r.bad ? '(bad)' : '')).join(' '),
          ]),
        ),
      );
    } else res.json(body);
  });

  router.get('/v1/deploys', async (req, res) => {
    const q = req.query as { app?: string; stage?: string; status?: DeployStatus; limit?: number };
    const list = await deps.deploys.list({
      app: q.app,
      stage: q.stage,
      status: q.status,
      limit: Number(q.limit ?? 50),
    });
    const views = list.map(deployView);
    if (wantsText(req)) {
      res.type('text/plain').send(
        views.length === 0
          ? 'no deploys\n'
          : textTable(
              ['ID', 'APP', 'STAGE', 'KIND', 'STATUS', 'RELEASE', 'WHO', 'CREATED'],
              views.map((d) => [
                d.id,
                d.app,
                d.stage,
                d.kind,
                d.status,
                d.release_id || '-',
                d.who,
                d.created_at,
              ]),
            ),
      );
    } else res.json({ deploys: views });
  });

  router.get('/v1/deploys/:id', async (req, res) => {
    const rec = await deps.deploys.get(param(req, 'id'));
    if (!rec) throw schedulerErrors.notFound('deploy', param(req, 'id'));
    const view = deployView(rec);
    if (wantsText(req)) res.type('text/plain').send(deployText(view));
    else res.json(view);
  });

  router.post('/v1/deploys/:id/cancel', async (req, res) => {
    const id = param(req, 'id');
    const rec = await deps.deploys.get(id);
    if (!rec) throw schedulerErrors.notFound('deploy', id);
    const outcome = await deps.deploys.cancel(rec, whoCalled(res));
    if (outcome === 'final') {
      throw schedulerErrors.alreadyFinished(id, rec.state.status);
    }
    if (outcome === 'cancelled') await deps.queue.remove(id);
    const after = await deps.deploys.get(id);
    res.status(202).json(deployView(after ?? rec));
  });

  router.get('/v1/deploys/:id/log', async (req, res) => {
    const id = param(req, 'id');
    if (!(await deps.deploys.get(id))) throw schedulerErrors.notFound('deploy', id);
    const follow = (req.query as { follow?: boolean }).follow === true;
    const sse = wantsEventStream(req);
    const lastEventId = req.get('last-event-id');
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    res.status(200);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Accel-Buffering', 'no');
    res.type(sse ? 'text/event-stream' : 'text/plain');
    res.flushHeaders();
    const entries = readDeployLog(deps.redis, deps.keys, id, {
      afterId: lastEventId !== undefined && /^\d+-\d+$/.test(lastEventId) ? lastEventId : '0',
      follow,
      signal: abort.signal,
    });
    for await (const e of entries) {
      if (sse) {
        res.write(
          `id: ${e.id}\n${e.final !== undefined ? 'event: end\n' : ''}data: ${e.line.replace(/\n/g, '\ndata: ')}\n\n`,
        );
      } else res.write(`${e.line}\n`);
    }
    res.end();
  });

  return router;
}
