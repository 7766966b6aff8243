/**
 * Redis key names shared by the scheduler (which writes deploys) and the executor (which runs
 * them). One braced prefix, so every key lands in one Redis Cluster hash slot and Lua scripts may
 * touch several.
 */
export function deployKeys(prefix: string) {
  const base = `{${prefix}}`;
  return {
    /** Hash: `spec` (JSON, immutable) and `state` (JSON). */
    deploy: (id: string) => `${base}:deploy:${id}`,
    /** Stream of log lines; entry ids are the SSE event ids. */
    log: (id: string) => `${base}:deploy:${id}:log`,
    /** Sorted set of every deploy id, scored by creation time (ms). */
    index: `${base}:deploys`,
    /** List of deploy ids waiting for (or holding) a stage, in order. */
    stageQueue: (app: string, stage: string) => `${base}:stage:${app}:${stage}:queue`,
    /** The stage lock: the holding deploy id, with a lease (PX). */
    stageLock: (app: string, stage: string) => `${base}:stage:${app}:${stage}:lock`,
    /**
     * Grows each time an executor takes a stage lock of the app (new deploy or take-over); every
     * agent call carries it, and agents refuse a lower one than they have seen for the app.
     */
    appFence: (app: string) => `${base}:app:${app}:fence`,
    /** Counters the executors keep and the scheduler's /metrics shows (HINCRBY). */
    metrics: `${base}:metrics`,
    /** A claimed release id of an app (SET NX): no two deploys share one. */
    releaseClaim: (app: string, id: string) => `${base}:app:${app}:release:${id}`,
    /** Idempotency-Key of a token → deploy id. */
    idempotency: (token: string, key: string) => `${base}:idempotency:${token}:${key}`,
  };
}
export type DeployKeys = ReturnType<typeof deployKeys>;

/** BullMQ's own keys go under the same braced prefix. */
export function queuePrefix(prefix: string): string {
  return `{${prefix}}`;
}

export const DEPLOY_QUEUE = 'deploys';
export const NOTIFY_QUEUE = 'notify';

/** A log entry that ends the log: followers stop at it. */
export const FINAL_LOG_FIELD = 'final';
