import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The scheduler's Prometheus metrics, on a registry of its own (tests build many schedulers). */
export function createMetrics() {
  const registry = new Registry();
  // The scheduler is not a host agent: process metrics are worth their small timer here.
  collectDefaultMetrics({ register: registry, prefix: 'drover_scheduler_' });
  const requests = new Counter({
    name: 'drover_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'drover_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route.',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });

  const middleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      // The spec's route template, never the raw path: names must not explode label cardinality.
      const openapi = (req as { openapi?: { openApiRoute?: string } }).openapi;
      const route = openapi?.openApiRoute ?? 'unmatched';
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
      end({ method: req.method, route });
    });
    next();
  };

  return { registry, middleware };
}
