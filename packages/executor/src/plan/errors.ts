import { DroverError } from '@drover/contracts';

/** A step failed: the deploy fails (and reverts what it switched). */
export class DeployFailure extends DroverError {
  constructor(detail: string) {
    super('deploy-failed', 500, 'Deploy failed', { detail });
  }
}

/** Someone asked to cancel (or a newer deploy superseded this one). */
export class CancelRequested extends Error {
  constructor(readonly by: string) {
    super(`cancelled by ${by}`);
  }
}

/** Another executor holds this deploy's stage lock now: stop without touching anything. */
export class LockLost extends Error {
  constructor() {
    super('the stage lock was taken over by another executor');
  }
}
