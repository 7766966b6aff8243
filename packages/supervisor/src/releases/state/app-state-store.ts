import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupervisorApi } from '@drover/contracts';
import type { ProgramSpecInput } from '../../config/program-spec.js';
import { readJsonFile } from '../../state/atomic-file.js';

export type PublishResult = SupervisorApi.components['schemas']['PublishResult'];

/** What a prepare recorded about a release; the release directory itself stays the app's. */
export interface ReleaseRecord {
  id: string;
  /** The commit sha (git) or the artifact's sha256. */
  revision: string;
  /** What the request said (a sha, or a ref resolved here). */
  requestedRevision: string;
  /** The source without its ref, as compared for idempotency. */
  source: string;
  createdAt: string;
  deployId: string;
  size: number;
  bad: boolean;
  processes: Record<string, ProgramSpecInput>;
  /** Secrets included: the state file is 0600 and never served. */
  environment: Record<string, string>;
  user: string | undefined;
}

export interface FailedPrepare {
  deployId: string;
  revision: string;
  source: string;
  error: string;
  at: string;
}

export interface AppState {
  /** The highest fence this app has seen. */
  fence: number;
  releases: Record<string, ReleaseRecord>;
  failed: Record<string, FailedPrepare>;
  /** The last publish (or rollback) result of each release. */
  publishes: Record<string, PublishResult>;
  /** Rollbacks by deploy id, so a repeat without `to` does not roll back twice. */
  rollbacks: Record<string, PublishResult>;
}

const KEEP_ROLLBACKS = 20;

function emptyState(): AppState {
  return { fence: 0, releases: {}, failed: {}, publishes: {}, rollbacks: {} };
}

/**
 * `<root>/state/apps/<app>.json`: the supervisor's own record of an app's releases (revision,
 * processes, environment, bad marks, publish results) and its fence. Written whole with a rename,
 * mode 0600 (it holds the environment's secrets).
 */
export class AppStateStore {
  private readonly cache = new Map<string, AppState>();
  private readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'apps');
  }

  get(app: string): AppState {
    let state = this.cache.get(app);
    if (state === undefined) {
      const value = readJsonFile(this.file(app)) as Partial<AppState> | undefined;
      state = { ...emptyState(), ...(value ?? {}) };
      this.cache.set(app, state);
    }
    return state;
  }

  update(app: string, change: (state: AppState) => void): AppState {
    const state = this.get(app);
    change(state);
    const ids = Object.keys(state.rollbacks);
    for (const id of ids.slice(0, Math.max(0, ids.length - KEEP_ROLLBACKS))) {
      delete state.rollbacks[id];
    }
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = this.file(app);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2), { mode: 0o600 });
    renameSync(tmp, file);
    return state;
  }

  forget(app: string): void {
    this.cache.delete(app);
    rmSync(this.file(app), { force: true });
  }

  private file(app: string): string {
    return join(this.dir, `${app}.json`);
  }
}
