import type { Command } from 'commander';
import type { SchedulerApi } from '@drover/contracts';
import { clientFor, withApiOptions, withJsonOption, type ApiFlags } from '../client/api-options.js';
import { expectOk } from '../client/expect-ok.js';
import { parseStrategyArg } from '../client/strategy-arg.js';
import { reportStarted } from '../progress/report-started.js';

type DeployRequest = SchedulerApi.components['schemas']['DeployRequest'];

interface DeployFlags extends ApiFlags {
  rev?: string;
  strategy?: DeployRequest['strategy'];
  message?: string;
  wait?: boolean;
  json?: boolean;
}

export function registerDeployCommand(program: Command): void {
  const command = program
    .command('deploy')
    .description('deploy an app to a stage (exit 0 succeeded, 1 failed/reverted/cancelled)')
    .argument('<app>', 'app name')
    .argument('<stage>', 'stage name, e.g. production')
    .option('--rev <rev>', 'git ref or sha (default: the app source ref)')
    .option(
      '--strategy <strategy>',
      'TYPE[,limit=N][,wait=D][,canary=N][,auto_revert=BOOL], TYPE parallel|groups|sequence',
      parseStrategyArg,
    )
    .option('-m, --message <message>', 'why, for the deploy record and revisions.log')
    .option('-w, --wait', 'follow the deploy to its end, with live per-host progress');
  withJsonOption(withApiOptions(command)).action(
    async (app: string, stage: string, opts: DeployFlags) => {
      const client = clientFor(opts);
      const body: DeployRequest = {};
      if (opts.rev !== undefined) body.revision = opts.rev;
      if (opts.strategy !== undefined) body.strategy = opts.strategy;
      if (opts.message !== undefined) body.message = opts.message;
      const res = await client.POST('/v1/apps/{app}/stages/{stage}/deploys', {
        params: { path: { app, stage } },
        body,
      });
      const queued = expectOk(`deploy ${app}/${stage}`, res);
      // Without dry_run the answer is always the queued deploy, never a plan.
      if (!('id' in queued)) throw new Error('the scheduler answered a plan, not a deploy');
      await reportStarted(client, queued, { wait: opts.wait ?? false, json: opts.json ?? false });
    },
  );
}
