import type { SchedulerApi } from '@drover/contracts';
import type { SchedulerClient } from '../client/api-client.js';
import { printJson } from '../output/print.js';
import { createDeployProgress } from './deploy-progress.js';
import { failUnlessSucceeded, waitForDeploy } from './wait-for-deploy.js';

type Deploy = SchedulerApi.components['schemas']['Deploy'];

export interface ReportOptions {
  wait: boolean;
  json: boolean;
}

/**
 * What `deploy` and `rollback` do once the API has queued the deploy: say so, or follow it to
 * the end. With `--json` stdout carries only the deploy's JSON (the final one when waiting), so
 * the progress goes to stderr.
 */
export async function reportStarted(
  client: SchedulerClient,
  queued: Deploy,
  o: ReportOptions,
): Promise<void> {
  if (!o.wait) {
    if (o.json) printJson(queued);
    else
      process.stdout.write(
        `${queued.kind} ${queued.id} ${queued.status}: ${queued.app}/${queued.stage} release ${queued.release_id || '-'} (follow it: drover status ${queued.id})\n`,
      );
    return;
  }
  // The log's first line says the deploy is queued, and by whom: no line of our own.
  const out = o.json ? process.stderr : process.stdout;
  const final = await waitForDeploy(
    client,
    queued.id,
    createDeployProgress(out, process.env, queued),
  );
  if (o.json) printJson(final);
  failUnlessSucceeded(final);
}
