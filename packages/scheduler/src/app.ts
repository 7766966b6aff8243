import { readFileSync } from 'node:fs';
import express, { type Express } from 'express';
import type { Redis } from 'ioredis';
import type { Log } from '@drover/contracts';
import {
  notFoundHandler,
  openApiMiddleware,
  problemHandler,
  requestLogger,
  specPath,
} from '@drover/contracts/http';
import { deployKeys, parseDuration } from '@drover/contracts';
import type { SchedulerConfig } from './config/scheduler-config.js';
import { createDeployStore } from './deploys/deploy-store.js';
import type { DeployQueue } from './queue.js';
import { deployRoutes } from './routes/deploy-routes.js';
import { fleetRoutes } from './routes/fleet-routes.js';
import { schedulerErrors } from './errors.js';
import { createMetrics } from './metrics.js';
import { registryRoutes } from './routes/registry-routes.js';
import { keyspace } from './store/keys.js';
import { createRegistryStore } from './store/registry-store.js';
import { appText, appsText, hostText, hostsText } from './text/summaries.js';
import { appView } from './views/app-view.js';
import { hostView } from './views/host-view.js';
import type { AppSpec, Health, HostSpec } from './views/types.js';

export interface SchedulerAppDeps {
  redis: Redis;
  config: SchedulerConfig;
  log: Log;
  queue: DeployQueue;
  version?: string;
}

/** Redis answers PING within this, or the scheduler reports itself unavailable. */
const HEALTH_PING_MS = 1000;

export function createSchedulerApp({
  redis,
  config,
  log,
  queue,
  version = '0.1.0',
}: SchedulerAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const keys = keyspace(config.prefix);
  const metrics = createMetrics({ redis, metricsKey: deployKeys(config.prefix).metrics, queue });
  const spec = readFileSync(specPath('scheduler'), 'utf8');

  app.use(requestLogger(log));
  app.use(metrics.middleware);
  app.use(express.json({ limit: '1mb' }));
  app.use(
    ...openApiMiddleware({
      spec: 'scheduler',
      tokens: () => config.tokens,
      validateResponses: config.validate_responses,
    }),
  );

  app.get('/v1/health', async (_req, res) => {
    const pong = await Promise.race([
      redis.ping().catch((err: unknown) => (err instanceof Error ? err.message : 'error')),
      new Promise<string>((r) => setTimeout(() => r('timeout'), HEALTH_PING_MS).unref()),
    ]);
    if (pong !== 'PONG') throw schedulerErrors.redisDown(`PING: ${pong}`);
    const body: Health = { status: 'ok', version, redis: 'up' };
    res.json(body);
  });
  app.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(spec);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const apps = createRegistryStore<AppSpec>(redis, keys, 'app');
  const hosts = createRegistryStore<HostSpec>(redis, keys, 'host');
  app.use(
    registryRoutes({
      plural: 'apps',
      param: 'app',
      listKey: 'apps',
      store: apps,
      view: appView,
      itemText: appText,
      listText: appsText,
    }),
  );
  app.use(
    registryRoutes({
      plural: 'hosts',
      param: 'host',
      listKey: 'hosts',
      store: hosts,
      view: hostView,
      itemText: hostText,
      listText: hostsText,
    }),
  );

  const dkeys = deployKeys(config.prefix);
  app.use(
    deployRoutes({
      redis,
      keys: dkeys,
      apps,
      hosts,
      deploys: createDeployStore(redis, dkeys),
      queue,
      agentToken: config.agent_token,
      agentTimeoutMs: parseDuration(config.agent_timeout),
      retentionMs: parseDuration(config.deploy_retention),
    }),
  );

  app.use(
    fleetRoutes({
      hosts,
      agentToken: config.agent_token,
      agentTimeoutMs: parseDuration(config.agent_timeout),
    }),
  );

  app.use(notFoundHandler);
  app.use(problemHandler(log));
  return app;
}
