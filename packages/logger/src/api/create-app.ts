import express, { type Express } from 'express';
import {
  notFoundHandler,
  openApiMiddleware,
  problemHandler,
  requestLogger,
} from '@drover/contracts/http';
import type { RouteDeps } from './route-deps.js';
import { healthRoutes } from './routes/health-routes.js';
import { logRoutes } from './routes/log-routes.js';

export interface AppOptions extends RouteDeps {
  /** Check every JSON response against the spec too (tests). */
  validateResponses?: boolean;
}

/** The logger's HTTP face; every route is in openapi/logger.yaml. */
export function createApp(o: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogger(o.log));
  app.use(express.text({ limit: '8mb', type: 'text/plain' }));
  app.use(
    openApiMiddleware({
      spec: 'logger',
      tokens: () => [{ name: 'agent', scopes: ['admin'], sha256: o.config().tokenSha256 }],
      validateResponses: o.validateResponses ?? false,
    }),
  );
  app.use(healthRoutes(o));
  app.use(logRoutes(o));
  app.use(notFoundHandler);
  app.use(problemHandler(o.log));
  return app;
}
