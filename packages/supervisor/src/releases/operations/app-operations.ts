import type { Log } from '@drover/contracts';
import { releaseErrors } from '../release-errors.js';
import type { AppStateStore } from '../state/app-state-store.js';
import { OperationLog, toOperationError } from './operation-log.js';

export type OperationKind = 'prepare' | 'publish' | 'rollback' | 'cleanup';

/** Who asks: every mutating call carries these (the executor's deploy and its fence). */
export interface DeployRef {
  deploy_id: string;
  who: string;
  fence: number;
}

export interface Operation<T> {
  app: string;
  kind: OperationKind;
  target: string;
  deployId: string;
  startedAt: Date;
  log: OperationLog<T>;
  done: Promise<T>;
}

/**
 * One mutating operation per app at a time, in memory, plus the app's fence on disk. The same
 * deploy asking for the same operation joins the running one; anything else is 409 naming what
 * runs. A lower fence than the app has seen is 409 too: a stale executor never acts after its
 * successor, even between operations.
 */
export class AppOperations {
  private readonly running = new Map<string, Operation<unknown>>();

  constructor(
    private readonly state: AppStateStore,
    private readonly log: Log,
  ) {}

  current(app: string): Operation<unknown> | undefined {
    return this.running.get(app);
  }

  /** Refuses a stale fence and records a newer one (before any work). */
  checkFence(app: string, ref: DeployRef): void {
    const seen = this.state.get(app).fence;
    if (ref.fence < seen) throw releaseErrors.staleFence(app, ref.fence, seen);
    if (ref.fence > seen) this.state.update(app, (s) => (s.fence = ref.fence));
  }

  /** The running operation this call joins, or undefined when the app is free; else 409. */
  joinable<T>(
    app: string,
    ref: DeployRef,
    kind: OperationKind,
    target: string,
  ): Operation<T> | undefined {
    const op = this.running.get(app);
    if (op === undefined) return undefined;
    if (op.deployId === ref.deploy_id && op.kind === kind && op.target === target) {
      return op as Operation<T>;
    }
    throw releaseErrors.appBusy(app, describe(op));
  }

  /** Starts `work` holding the app; the caller must have checked `joinable` in the same turn. */
  start<T>(
    app: string,
    ref: DeployRef,
    kind: OperationKind,
    target: string,
    work: (log: OperationLog<T>) => Promise<T>,
  ): Operation<T> {
    const log = new OperationLog<T>();
    const op: Operation<T> = {
      app,
      kind,
      target,
      deployId: ref.deploy_id,
      startedAt: new Date(),
      log,
      done: Promise.resolve(undefined as T),
    };
    this.running.set(app, op);
    this.log.info({ app, kind, target, deploy: ref.deploy_id, who: ref.who }, 'release operation');
    op.done = (async () => {
      try {
        const value = await work(log);
        log.finish({ ok: true, value });
        return value;
      } catch (thrown) {
        const error = toOperationError(thrown);
        log.finish({ ok: false, error });
        this.log.warn(
          { app, kind, target, code: error.code, err: error },
          'release operation failed',
        );
        throw error;
      } finally {
        this.running.delete(app);
      }
    })();
    // A caller that streams reads the outcome from the log; nobody may be awaiting `done`.
    op.done.catch(() => undefined);
    return op;
  }

  /** Resolves once every running operation has ended (shutdown). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running.values()].map((op) => op.done));
  }
}

export function describe(op: Operation<unknown>): string {
  return `${op.kind} ${op.target} (deploy ${op.deployId}, since ${op.startedAt.toISOString()})`;
}
