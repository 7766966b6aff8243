import { readFileSync } from 'node:fs';
import { Router } from 'express';
import type { LoggerApi } from '@drover/contracts';
import { specPath } from '@drover/contracts/http';
import type { RouteDeps } from '../route-deps.js';

type Health = LoggerApi.components['schemas']['Health'];

export function healthRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.get('/v1/health', (_req, res) => {
    const problems = deps.writers.degraded();
    const body: Health = {
      status: problems.length === 0 ? 'ok' : 'degraded',
      version: deps.version,
      problems,
    };
    res.status(problems.length === 0 ? 200 : 503).json(body);
  });
  router.get('/metrics', async (_req, res) => {
    const text = await deps.metrics.registry.metrics();
    res.type(deps.metrics.registry.contentType).send(text);
  });
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(readFileSync(specPath('logger'), 'utf8'));
  });
  return router;
}
