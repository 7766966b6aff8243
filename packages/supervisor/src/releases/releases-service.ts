import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertName, DroverError, type Log, type SupervisorApi } from '@drover/contracts';
import type { ProgramManager } from '../programs/program-manager.js';
import { resolveAccount, type Account } from '../programs/accounts.js';
import { releasesToRemove, removeReleases, rollbackTarget } from './cleanup/cleanup-releases.js';
import { AppLayout, listAppDirs } from './layout/app-layout.js';
import { checkLinkedPaths } from './link/linked-paths.js';
import { AppOperations, type DeployRef, type Operation } from './operations/app-operations.js';
import { secretRedactor } from './operations/redact.js';
import { prepareRelease, sourceKey, type PrepareRequest } from './prepare/prepare-release.js';
import { planPrograms } from './publish/program-plan.js';
import { publishRelease, type HealthGate, type RestartMode } from './publish/publish-release.js';
import { releaseErrors } from './release-errors.js';
import {
  completeView,
  failedView,
  preparingView,
  strayView,
  type AppSummary,
  type ReleaseView,
} from './release-view.js';
import { AppStateStore, type PublishResult, type ReleaseRecord } from './state/app-state-store.js';

type Schemas = SupervisorApi.components['schemas'];
export type PublishRequest = Schemas['PublishRequest'];
export type RollbackRequest = Schemas['RollbackRequest'];
export type CleanupRequest = Schemas['CleanupRequest'];
export interface CleanupResult {
  removed: string[];
  kept: string[];
}

/** A call's answer: known at once (a repeat, a shortcut), or an operation to follow or join. */
export type Started<T> = { done: T } | { op: Operation<T>; joined: boolean };

export interface ReleasesDeps {
  root: string;
  stateDir: string;
  manager: ProgramManager;
  log: Log;
  isRoot: boolean;
  baseEnv: Readonly<Record<string, string | undefined>>;
}

/**
 * App releases on this host (issue 5): prepare, publish, rollback, cleanup, in Capistrano's
 * layout under `<root>/apps`, one operation per app at a time, every call fenced.
 */
export class Releases {
  private readonly appsDir: string;
  private readonly state: AppStateStore;
  private readonly ops: AppOperations;
  private readonly abort = new AbortController();

  constructor(private readonly deps: ReleasesDeps) {
    this.appsDir = join(deps.root, 'apps');
    this.state = new AppStateStore(deps.stateDir);
    this.ops = new AppOperations(this.state, deps.log);
  }

  layout(app: string): AppLayout {
    return new AppLayout(this.appsDir, assertName(app, 'app'));
  }

  listApps(): AppSummary[] {
    return listAppDirs(this.appsDir).map((name) => {
      const layout = this.layout(name);
      const records = this.state.get(name).releases;
      return {
        name,
        current: layout.currentId() ?? null,
        releases: layout.releaseIds().filter((id) => records[id] !== undefined).length,
      };
    });
  }

  listReleases(app: string): ReleaseView[] {
    const layout = this.layout(app);
    const op = this.ops.current(app);
    if (!existsSync(layout.dir) && op === undefined) throw releaseErrors.unknownApp(app);
    const state = this.state.get(app);
    const current = layout.currentId();
    const views = new Map<string, ReleaseView>();
    for (const id of layout.releaseIds()) {
      const record = state.releases[id];
      views.set(id, record === undefined ? strayView(id, current) : completeView(record, current));
    }
    for (const [id, failed] of Object.entries(state.failed)) {
      if (!views.has(id)) views.set(id, failedView(id, failed));
    }
    if (op?.kind === 'prepare') {
      views.set(op.target, preparingView(op.target, '', op.deployId, op.startedAt));
    }
    return [...views.values()].sort((a, b) => b.id.localeCompare(a.id));
  }

  /** The complete release `id`, or undefined. */
  private record(layout: AppLayout, id: string): ReleaseRecord | undefined {
    const record = this.state.get(layout.app).releases[id];
    return record !== undefined && existsSync(layout.release(id)) ? record : undefined;
  }

  prepare(app: string, request: PrepareRequest): Started<ReleaseView> {
    const layout = this.layout(app);
    this.ops.checkFence(app, request);
    const joined = this.ops.joinable<ReleaseView>(app, request, 'prepare', request.id);
    if (joined !== undefined) return { op: joined, joined: true };
    const existing = this.record(layout, request.id);
    if (existing !== undefined) {
      if (existing.source !== sourceKey(request.source)) {
        throw releaseErrors.releaseConflict(app, request.id, 'source');
      }
      if (![existing.revision, existing.requestedRevision].includes(request.revision)) {
        throw releaseErrors.releaseConflict(app, request.id, 'revision');
      }
      return { done: completeView(existing, layout.currentId()) };
    }
    // Everything that can be checked before fetching is checked now (400, not a failed stream).
    const linked = checkLinkedPaths({
      files: request.linked_files ?? [],
      dirs: request.linked_dirs ?? [],
    });
    planPrograms(
      app,
      { processes: request.processes ?? {}, environment: {}, user: request.user },
      layout,
      false,
    );
    const account = this.account(app, request.user);
    const redact = secretRedactor(request.environment ?? {});
    const op = this.ops.start<ReleaseView>(app, request, 'prepare', request.id, async (log) => {
      const onLine = (line: string) => log.line(redact(line));
      try {
        const record = await prepareRelease({
          layout,
          request,
          linked,
          account,
          baseEnv: this.deps.baseEnv,
          onLine,
          signal: this.abort.signal,
        });
        this.state.update(app, (s) => {
          s.releases[record.id] = record;
          delete s.failed[record.id];
        });
        onLine(`release ${record.id} ready (${record.size} bytes)`);
        return completeView(record, layout.currentId());
      } catch (err) {
        this.state.update(app, (s) => {
          s.failed[request.id] = {
            deployId: request.deploy_id,
            revision: request.revision,
            source: sourceKey(request.source),
            error: redact(err instanceof Error ? err.message : String(err)),
            at: new Date().toISOString(),
          };
        });
        // The error's detail may quote a command's output: it gets the same redaction.
        if (err instanceof DroverError) {
          throw new DroverError(err.code, err.status, err.title, {
            detail: redact(err.message),
            extensions: err.extensions,
          });
        }
        throw err;
      }
    });
    return { op, joined: false };
  }

  publish(app: string, id: string, request: PublishRequest): Started<PublishResult> {
    const layout = this.layout(app);
    this.ops.checkFence(app, request);
    const joined = this.ops.joinable<PublishResult>(app, request, 'publish', id);
    if (joined !== undefined) return { op: joined, joined: true };
    const record = this.record(layout, id);
    if (record === undefined) throw releaseErrors.unknownRelease(app, id);
    const recorded = this.state.get(app).publishes[id];
    if (layout.currentId() === id && recorded !== undefined) return { done: recorded };
    const op = this.ops.start<PublishResult>(app, request, 'publish', id, (log) =>
      this.switchTo(layout, record, 'publish', request, request, (l) => log.line(l)),
    );
    return { op, joined: false };
  }

  rollback(app: string, request: RollbackRequest): Started<PublishResult> {
    const layout = this.layout(app);
    this.ops.checkFence(app, request);
    const joined = this.ops.joinable<PublishResult>(
      app,
      request,
      'rollback',
      request.to ?? 'previous',
    );
    if (joined !== undefined) return { op: joined, joined: true };
    const state = this.state.get(app);
    const again = state.rollbacks[request.deploy_id];
    if (again !== undefined && (request.to === undefined || again.release === request.to)) {
      return { done: again };
    }
    const current = layout.currentId();
    const ids = layout.releaseIds().filter((id) => this.record(layout, id) !== undefined);
    const to =
      request.to ?? (current === undefined ? undefined : rollbackTarget(ids, current, state));
    if (to === undefined) throw releaseErrors.noRollbackTarget(app);
    const record = this.record(layout, to);
    if (record === undefined) throw releaseErrors.unknownRelease(app, to);
    const recorded = state.publishes[to];
    if (current === to && recorded !== undefined) return { done: recorded };
    const op = this.ops.start<PublishResult>(
      app,
      request,
      'rollback',
      request.to ?? 'previous',
      async (log) => {
        const onLine = (l: string) => log.line(l);
        if (current !== undefined && state.publishes[current]?.healthy === false) {
          this.state.update(app, (s) => {
            const left = s.releases[current];
            if (left !== undefined) left.bad = true;
          });
          onLine(`release ${current} marked bad (its publish failed)`);
        }
        const result = await this.switchTo(layout, record, 'rollback', request, request, onLine);
        this.state.update(app, (s) => (s.rollbacks[request.deploy_id] = result));
        return result;
      },
    );
    return { op, joined: false };
  }

  cleanup(app: string, request: CleanupRequest): Started<CleanupResult> {
    const layout = this.layout(app);
    if (!existsSync(layout.dir)) throw releaseErrors.unknownApp(app);
    this.ops.checkFence(app, request);
    const joined = this.ops.joinable<CleanupResult>(app, request, 'cleanup', String(request.keep));
    if (joined !== undefined) return { op: joined, joined: true };
    const op = this.ops.start<CleanupResult>(
      app,
      request,
      'cleanup',
      String(request.keep),
      (log) => {
        const plan = releasesToRemove(
          layout.releaseIds(),
          layout.currentId(),
          this.state.get(app),
          request.keep,
        );
        removeReleases(layout, plan.remove, (l) => log.line(l));
        this.state.update(app, (s) => {
          for (const id of plan.remove) {
            delete s.releases[id];
            delete s.publishes[id];
            delete s.failed[id];
          }
        });
        return Promise.resolve({ removed: plan.remove, kept: plan.kept });
      },
    );
    return { op, joined: false };
  }

  /** Interrupts running prepares (their staging is discarded) and waits for every operation. */
  async close(): Promise<void> {
    this.abort.abort();
    await this.ops.settle();
  }

  private async switchTo(
    layout: AppLayout,
    record: ReleaseRecord,
    action: 'publish' | 'rollback',
    ref: DeployRef,
    options: { restart?: RestartMode; health?: HealthGate },
    onLine: (line: string) => void,
  ): Promise<PublishResult> {
    const result = await publishRelease({
      app: layout.app,
      layout,
      record,
      manager: this.deps.manager,
      action,
      deployId: ref.deploy_id,
      who: ref.who,
      restart: options.restart,
      health: options.health,
      isRoot: this.deps.isRoot,
      onLine,
      signal: this.abort.signal,
    });
    this.state.update(layout.app, (s) => {
      s.publishes[record.id] = result;
      const r = s.releases[record.id];
      if (r !== undefined) r.bad = !result.healthy;
    });
    return result;
  }

  private account(app: string, user: string | undefined): Account | undefined {
    if (user === undefined) return undefined;
    if (!this.deps.isRoot) {
      this.deps.log.warn({ app, user }, 'not root: builds and programs run as the supervisor');
      return undefined;
    }
    return resolveAccount(`${app} build`, { user, group: undefined }, true);
  }
}
