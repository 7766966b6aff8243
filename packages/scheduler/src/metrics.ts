import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DEPLOY_STATUSES, DEPLOY_PHASES } from '@drover/contracts';
import type { DeployQueue } from './queue.js';

export interface DeployMetricsSource {
  redis: Redis;
  /** The Redis hash the executors count into. */
  metricsKey: string;
  queue: DeployQueue;
}

/** The scheduler's Prometheus metrics, on a registry of its own (tests build many schedulers). */
export function createMetrics(source: DeployMetricsSource) {
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

  // Deploy figures come from Redis at scrape time: executors count into one hash, the queue is
  // BullMQ's, so any scheduler replica shows the fleet's numbers.
  const readCounters = async (): Promise<Record<string, string>> =>
    source.redis.hgetall(source.metricsKey);
  new Gauge({
    name: 'drover_deploys_total',
    help: 'Deploys that ended, by final status.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const h = await readCounters();
      for (const status of DEPLOY_STATUSES) {
        if (status === 'queued' || status === 'running') continue;
        this.set({ status }, Number(h[`deploys_${status}`] ?? 0));
      }
    },
  });
  new Gauge({
    name: 'drover_deploy_phase_seconds_sum',
    help: 'Time spent in each deploy phase, summed over deploys.',
    labelNames: ['phase'],
    registers: [registry],
    async collect() {
      const h = await readCounters();
      for (const phase of DEPLOY_PHASES) {
        const v = h[`phase_${phase}_seconds_sum`];
        if (v !== undefined) this.set({ phase }, Number(v));
      }
    },
  });
  new Gauge({
    name: 'drover_deploy_phase_count',
    help: 'Deploy phases completed.',
    labelNames: ['phase'],
    registers: [registry],
    async collect() {
      const h = await readCounters();
      for (const phase of DEPLOY_PHASES) {
        const v = h[`phase_${phase}_count`];
        if (v !== undefined) this.set({ phase }, Number(v));
      }
    },
  });
  new Gauge({
    name: 'drover_deploy_lock_waits_total',
    help: 'Deploys that had to wait for their stage lock.',
    registers: [registry],
    async collect() {
      this.set(Number((await readCounters())['lock_waits'] ?? 0));
    },
  });
  new Gauge({
    name: 'drover_deploy_queue_jobs',
    help: 'Deploy jobs in the queue, by BullMQ state.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      for (const [state, n] of Object.entries(await source.queue.depth())) this.set({ state }, n);
    },
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
