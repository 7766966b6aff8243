import { DroverError, type SchedulerApi } from '@drover/contracts';
import type { SchedulerClient } from '../client/api-client.js';
import { expectOk } from '../client/expect-ok.js';
import { followDeployLog } from '../client/follow-deploy-log.js';
import type { DeployProgress } from './deploy-progress.js';

type Deploy = SchedulerApi.components['schemas']['Deploy'];

async function getDeploy(client: SchedulerClient, id: string): Promise<Deploy> {
  return expectOk(
    `deploy ${id}`,
    await client.GET('/v1/deploys/{id}', { params: { path: { id } } }),
  );
}

/**
 * Follows a deploy's log to its final line, showing each line, and answers the deploy as it
 * ended. Per-host states come from the deploy record, fetched after log lines (at most one
 * fetch in flight; lines that arrive meanwhile ask for one more).
 */
export async function waitForDeploy(
  client: SchedulerClient,
  id: string,
  progress: DeployProgress,
): Promise<Deploy> {
  let inFlight: Promise<void> | undefined;
  let again = false;
  const refresh = () => {
    if (!progress.live) return;
    if (inFlight !== undefined) {
      again = true;
      return;
    }
    inFlight = (async () => {
      do {
        again = false;
        progress.update(await getDeploy(client, id));
      } while (again);
    })()
      // A missed refresh only delays a bar; the log and the final status still decide.
      .catch(() => undefined)
      .finally(() => (inFlight = undefined));
  };
  for await (const entry of followDeployLog(client, id)) {
    progress.line(entry.line);
    refresh();
  }
  await inFlight;
  const final = await getDeploy(client, id);
  progress.done(final);
  return final;
}

/** Exit 1 with one line unless the deploy succeeded. */
export function failUnlessSucceeded(d: Deploy): void {
  if (d.status === 'succeeded') return;
  throw new DroverError('deploy-' + d.status, 1, `Deploy ${d.status}`, {
    detail: `${d.kind} ${d.id} ${d.status}${d.error !== undefined ? `: ${d.error}` : ''}`,
  });
}
