/** A deploy's status; the last four are final. `phase` is a separate field. */
export const DEPLOY_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'reverted',
  'cancelled',
] as const;
export type DeployStatus = (typeof DEPLOY_STATUSES)[number];

export const FINAL_DEPLOY_STATUSES: readonly DeployStatus[] = [
  'succeeded',
  'failed',
  'reverted',
  'cancelled',
];

export function isFinalDeployStatus(status: DeployStatus): boolean {
  return FINAL_DEPLOY_STATUSES.includes(status);
}

/** Capistrano's phases, plus the way back on failure. */
export const DEPLOY_PHASES = [
  'starting',
  'updating',
  'publishing',
  'finishing',
  'finished',
  'failed',
  'reverting',
  'reverted',
] as const;
export type DeployPhase = (typeof DEPLOY_PHASES)[number];
