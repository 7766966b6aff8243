import { Router, type Request, type Response } from 'express';
import type { Operation } from '../operations/app-operations.js';
import type { PrepareRequest } from '../prepare/prepare-release.js';
import type { ReleaseView } from '../release-view.js';
import type {
  CleanupRequest,
  PublishRequest,
  Releases,
  RollbackRequest,
  Started,
} from '../releases-service.js';
import type { PublishResult } from '../state/app-state-store.js';
import { responseMode, sendDone, streamOperation, type Rendering } from './stream-response.js';

const releaseRendering: Rendering<ReleaseView> = {
  json: (r) => r,
  summary: (r) => `release ${r.id} prepared (revision ${r.revision})`,
};

const publishRendering: Rendering<PublishResult> = {
  json: (r) => r,
  summary: (r) =>
    `${r.action} of release ${r.release} ${r.healthy ? 'healthy' : 'UNHEALTHY'}: ${r.detail}`,
};

const cleanupRendering: Rendering<{ removed: string[]; kept: string[] }> = {
  json: (r) => r,
  summary: (r) =>
    `removed ${r.removed.length === 0 ? 'nothing' : r.removed.join(' ')}; kept ${r.kept.join(' ')}`,
};

function param(req: Request, name: string): string {
  return String(req.params[name]);
}

/** Answers a started call: at once, or by following (or awaiting) its operation. */
async function answer<T>(
  req: Request,
  res: Response,
  started: Started<T>,
  render: Rendering<T>,
): Promise<void> {
  const mode = responseMode(req);
  if ('done' in started) {
    sendDone(res, started.done, mode, render);
    return;
  }
  const op: Operation<T> = started.op;
  if (mode === 'json') {
    res.json(render.json(await op.done));
    return;
  }
  streamOperation(req, res, op, mode, render);
}

/** `/v1/apps…`: the releases' HTTP face (openapi/supervisor.yaml validates before this). */
export function releasesRouter(releases: Releases): Router {
  const router = Router();

  router.get('/v1/apps', (_req, res) => {
    res.json({ apps: releases.listApps() });
  });

  router.get('/v1/apps/:app/releases', (req, res) => {
    res.json({ releases: releases.listReleases(param(req, 'app')) });
  });

  router.post('/v1/apps/:app/releases', async (req, res) => {
    const body = req.body as PrepareRequest;
    const started = releases.prepare(param(req, 'app'), body);
    const wait: unknown = req.query['wait'];
    if (wait === false || wait === 'false') {
      if ('done' in started) {
        res.json(started.done);
        return;
      }
      const view = releases
        .listReleases(param(req, 'app'))
        .find((r) => r.id === body.id && r.preparing === true);
      res.status(202).json(view);
      return;
    }
    await answer(req, res, started, releaseRendering);
  });

  router.post('/v1/apps/:app/releases/:id/publish', async (req, res) => {
    const started = releases.publish(
      param(req, 'app'),
      param(req, 'id'),
      req.body as PublishRequest,
    );
    await answer(req, res, started, publishRendering);
  });

  router.post('/v1/apps/:app/rollback', async (req, res) => {
    const started = releases.rollback(param(req, 'app'), req.body as RollbackRequest);
    await answer(req, res, started, publishRendering);
  });

  router.post('/v1/apps/:app/cleanup', async (req, res) => {
    const started = releases.cleanup(param(req, 'app'), req.body as CleanupRequest);
    await answer(req, res, started, cleanupRendering);
  });

  return router;
}
