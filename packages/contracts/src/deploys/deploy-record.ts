import type { components } from '../generated/scheduler.js';
import type { DeployPhase, DeployStatus } from './status.js';

type Schemas = components['schemas'];
export type AppSpec = Schemas['AppSpec'];
export type Strategy = Schemas['Strategy'];
export type DeployHostStateName = Schemas['DeployHost']['state'];
export type DeployKind = 'deploy' | 'rollback';
export type LockMode = 'queue' | 'fail' | 'supersede';

/** One host a deploy targets, with everything the executor needs to reach it. */
export interface DeployTarget {
  name: string;
  supervisor_url: string;
  logger_url: string;
  roles: string[];
  /** The app's environment and secrets with the host's environment merged over them. */
  environment: Record<string, string>;
}

/**
 * What the scheduler writes once when a deploy is created and never changes: the executor needs
 * nothing else (it never reads the registry, never imports the scheduler).
 */
export interface DeploySpec {
  id: string;
  kind: DeployKind;
  app: string;
  stage: string;
  /** Fixed at creation (UTC `YYYYMMDDHHMMSS`, unique per app), so retries reuse one directory. */
  release_id: string;
  /** What was asked for: a ref or sha (deploy), or the release to go back to (rollback). */
  revision_requested?: string;
  rollback_to?: string;
  app_spec: AppSpec;
  targets: DeployTarget[];
  strategy: Strategy;
  lock: LockMode;
  who: string;
  message?: string;
  created_at: string;
  /** How long the record and its log stay readable after the deploy ends (scheduler config). */
  retention_ms?: number;
}

/** Kept when a record names no retention of its own. */
export const DEFAULT_DEPLOY_RETENTION_MS = 30 * 24 * 3600 * 1000;

export interface DeployHostState {
  host: string;
  state: DeployHostStateName;
  started_at?: string;
  finished_at?: string;
  detail?: string;
  /** The release that was current before this deploy switched the host (for reverting). */
  previous_release?: string | null;
  /** Whether this deploy switched `current` on the host (and so must revert it on failure). */
  switched?: boolean;
}

/** What changes while a deploy runs; only the executor holding the stage lock writes it. */
export interface DeployState {
  status: DeployStatus;
  phase: DeployPhase;
  revision?: string;
  hosts: Record<string, DeployHostState>;
  /** Keys of completed steps (`prepare:web-1`, `publish:web-1`, …): never run twice. */
  steps: string[];
  /** Release every host goes to, for rollbacks. */
  rollback_to?: string;
  fence?: number;
  started_at?: string;
  finished_at?: string;
  cancel_requested_by?: string;
  error?: string;
  /** Publish groups as planned, host names per group, with when each group started. */
  groups?: { hosts: string[]; started_at?: string; finished_at?: string }[];
}

export interface DeployRecord {
  spec: DeploySpec;
  state: DeployState;
}
