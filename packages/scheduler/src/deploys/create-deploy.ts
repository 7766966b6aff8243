import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  DroverError,
  type DeployKeys,
  type DeploySpec,
  type DeployState,
  type LockMode,
  type SchedulerApi,
} from '@drover/contracts';
import { schedulerErrors } from '../errors.js';
import type { DeployQueue } from '../queue.js';
import type { RegistryStore } from '../store/registry-store.js';
import type { AppSpec, HostSpec } from '../views/types.js';
import type { DeployStore, StoredDeploy } from './deploy-store.js';
import { dryRunPlan } from './dry-run-plan.js';
import { allocateReleaseId } from './release-ids.js';
import { resolveTargets } from './resolve-targets.js';

type Schemas = SchedulerApi.components['schemas'];
type DeployRequest = Schemas['DeployRequest'];
type RollbackRequest = Schemas['RollbackRequest'];
type DeployPlan = Schemas['DeployPlan'];

export interface CreateDeployDeps {
  redis: Redis;
  keys: DeployKeys;
  apps: RegistryStore<AppSpec>;
  hosts: RegistryStore<HostSpec>;
  deploys: DeployStore;
  queue: DeployQueue;
  retentionMs: number;
}

export type CreateDeployInput =
  { kind: 'deploy'; request: DeployRequest } | { kind: 'rollback'; request: RollbackRequest };

export type CreateDeployResult =
  { type: 'plan'; plan: DeployPlan } | { type: 'deploy'; deploy: StoredDeploy; existing: boolean };

const IDEMPOTENCY_TTL_S = 24 * 3600;

export function newDeployId(now: Date): string {
  return `d${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`;
}

/**
 * Turns a request into a queued deploy: resolves the stage's hosts and their environments, fixes
 * the release id, applies the lock mode and enqueues one BullMQ job. Everything the executor will
 * need goes into the record now.
 */
export async function createDeploy(
  deps: CreateDeployDeps,
  input: CreateDeployInput,
  ctx: { app: string; stage: string; who: string; idempotencyKey: string | undefined },
): Promise<CreateDeployResult> {
  const idemKey =
    ctx.idempotencyKey !== undefined
      ? deps.keys.idempotency(ctx.who, ctx.idempotencyKey)
      : undefined;
  if (idemKey !== undefined) {
    const existing = await existingFor(deps, idemKey);
    if (existing) return { type: 'deploy', deploy: existing, existing: true };
  }

  const app = await deps.apps.get(ctx.app);
  if (!app) throw schedulerErrors.notFound('app', ctx.app);
  const stage = app.spec.stages?.[ctx.stage];
  if (!stage) throw schedulerErrors.notFound(`stage of app ${ctx.app}`, ctx.stage);
  const targets = resolveTargets(app, ctx.stage, stage, await deps.hosts.list());
  const strategy = (input.kind === 'deploy' ? input.request.strategy : undefined) ??
    stage.strategy ?? { type: 'parallel' as const };
  const lock: LockMode = (input.kind === 'deploy' ? input.request.lock : undefined) ?? 'queue';

  const now = new Date();
  const id = newDeployId(now);
  const spec: DeploySpec = {
    id,
    kind: input.kind,
    app: ctx.app,
    stage: ctx.stage,
    release_id: '',
    app_spec: app.spec,
    targets,
    strategy,
    lock,
    who: ctx.who,
    created_at: now.toISOString(),
    retention_ms: deps.retentionMs,
  };
  if (input.request.message !== undefined) spec.message = input.request.message;
  if (input.kind === 'deploy' && input.request.revision !== undefined) {
    spec.revision_requested = input.request.revision;
  }
  if (input.kind === 'rollback' && input.request.to !== undefined)
    spec.rollback_to = input.request.to;

  if (input.kind === 'deploy' && input.request.dry_run === true) {
    spec.release_id = '(allocated when queued)';
    return { type: 'plan', plan: dryRunPlan(spec) };
  }

  const line = await deps.deploys.stageLine(ctx.app, ctx.stage);
  if (line.length > 0 && lock === 'fail') {
    throw new DroverError('stage-locked', 409, 'Stage is busy', {
      detail: `${ctx.app}/${ctx.stage} has deploys running or waiting: ${line.join(', ')} (lock: fail)`,
      extensions: { deploys: line },
    });
  }

  if (idemKey !== undefined) {
    const claimed = await deps.redis.set(idemKey, id, 'EX', IDEMPOTENCY_TTL_S, 'NX');
    if (claimed !== 'OK') {
      const existing = await existingFor(deps, idemKey);
      if (existing) return { type: 'deploy', deploy: existing, existing: true };
    }
  }

  spec.release_id =
    input.kind === 'deploy'
      ? await allocateReleaseId(deps.redis, deps.keys, ctx.app, id, now)
      : (spec.rollback_to ?? '');
  const state: DeployState = {
    status: 'queued',
    phase: 'starting',
    hosts: Object.fromEntries(
      targets.map((t) => [t.name, { host: t.name, state: 'pending' as const }]),
    ),
    steps: [],
  };
  await deps.deploys.create(
    spec,
    state,
    `deploy ${id} of ${ctx.app} to ${ctx.stage} (${input.kind}) queued by ${ctx.who}` +
      (spec.release_id ? `, release ${spec.release_id}` : ''),
  );
  if (lock === 'supersede') {
    for (const other of line) {
      const rec = await deps.deploys.get(other);
      if (rec) await deps.deploys.cancel(rec, `${ctx.who} (superseded by ${id})`);
    }
  }
  await deps.queue.enqueue(id);
  return { type: 'deploy', deploy: { spec, state }, existing: false };
}

async function existingFor(
  deps: CreateDeployDeps,
  idemKey: string,
): Promise<StoredDeploy | undefined> {
  const id = await deps.redis.get(idemKey);
  return id === null ? undefined : deps.deploys.get(id);
}
