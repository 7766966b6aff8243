import { appendFileSync } from 'node:fs';
import { parseDuration, type SupervisorApi } from '@drover/contracts';
import { programSummary } from '../../api/program-view.js';
import type { ProgramManager } from '../../programs/program-manager.js';
import type { Program } from '../../programs/program.js';
import { hasProcess } from '../../programs/states.js';
import type { AppLayout } from '../layout/app-layout.js';
import { switchCurrent } from '../link/current-link.js';
import type { LineSink } from '../run/run-command.js';
import type { PublishResult, ReleaseRecord } from '../state/app-state-store.js';
import { waitHealthy } from './health-gate.js';
import { isAppProgram, planPrograms } from './program-plan.js';

type Schemas = SupervisorApi.components['schemas'];
export type HealthGate = Schemas['HealthGate'];
export type RestartMode = Schemas['RestartMode'];

export const DEFAULT_MIN_HEALTHY = '5s';
export const DEFAULT_HEALTH_TIMEOUT = '60s';

export interface PublishContext {
  app: string;
  layout: AppLayout;
  record: ReleaseRecord;
  manager: ProgramManager;
  action: 'publish' | 'rollback';
  deployId: string;
  who: string;
  restart: RestartMode | undefined;
  health: HealthGate | undefined;
  isRoot: boolean;
  onLine: LineSink;
  signal: AbortSignal;
}

/** One line per publish or rollback, Capistrano's revisions.log with drover's fields. */
export function appendRevisionsLog(
  layout: AppLayout,
  r: PublishResult,
  revision: string,
  who: string,
): void {
  const fields = [
    r.at,
    r.release,
    revision,
    r.deploy_id,
    who.replace(/\s/g, '_'),
    r.action,
    r.healthy ? 'healthy' : 'unhealthy',
  ];
  appendFileSync(layout.revisionsLog, `${fields.join('\t')}\n`);
}

/**
 * Switches `current` to the release (atomically), brings the app's programs in line with the
 * release's processes (defines new and changed ones, removes those whose type is gone), restarts
 * or signals the rest, and waits for them to be healthy.
 */
export async function publishRelease(ctx: PublishContext): Promise<PublishResult> {
  const { app, layout, record, manager, onLine } = ctx;
  const previous = layout.currentId() ?? null;
  switchCurrent(layout, record.id);
  onLine(`current -> releases/${record.id}${previous === null ? '' : ` (was ${previous})`}`);

  const plan = planPrograms(app, record, layout, ctx.isRoot);
  const wanted = new Set(plan.map((p) => p.name));
  for (const p of manager.list()) {
    if (isAppProgram(app, p.name) && p.definition.origin === 'release' && !wanted.has(p.name)) {
      onLine(`removing ${p.name} (no longer a process of the app)`);
      await manager.remove(p.name);
    }
  }

  const restart = ctx.restart ?? 'restart';
  const health = ctx.health ?? {};
  const timeoutMs = parseDuration(health.timeout ?? DEFAULT_HEALTH_TIMEOUT);
  const programs: Program[] = [];
  const actions: Promise<unknown>[] = [];
  for (const { name, input } of plan) {
    const before = manager.has(name) ? manager.get(name) : undefined;
    const pidBefore = before?.pid;
    const { created, program } = await manager.define(name, input, 'release');
    programs.push(program);
    if (created) {
      onLine(`${name}: defined and started`);
      continue;
    }
    if (program.pid !== undefined && program.pid !== pidBefore) {
      onLine(`${name}: definition changed, restarted`);
      continue;
    }
    if (restart.startsWith('signal:') && hasProcess(program.state)) {
      const signal = `SIG${restart.slice('signal:'.length)}` as NodeJS.Signals;
      manager.signal(name, signal);
      onLine(`${name}: sent ${signal}`);
      continue;
    }
    onLine(`${name}: restarting`);
    actions.push(manager.act(name, 'restart', timeoutMs).catch(() => undefined));
  }

  const verdict = await waitHealthy(
    programs,
    {
      minHealthyMs: parseDuration(health.min_healthy ?? DEFAULT_MIN_HEALTHY),
      timeoutMs,
      http: health.http,
    },
    onLine,
    ctx.signal,
  );
  await Promise.all(actions);
  const result: PublishResult = {
    release: record.id,
    previous,
    action: ctx.action,
    healthy: verdict.healthy,
    detail: verdict.detail,
    deploy_id: ctx.deployId,
    at: new Date().toISOString(),
    programs: programs.map((p) => programSummary(p)),
  };
  appendRevisionsLog(layout, result, record.revision, ctx.who);
  onLine(`${verdict.healthy ? 'healthy' : 'unhealthy'}: ${verdict.detail}`);
  return result;
}
