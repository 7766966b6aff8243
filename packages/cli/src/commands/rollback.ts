import type { Command } from 'commander';
import type { SchedulerApi } from '@drover/contracts';
import { clientFor, withApiOptions, withJsonOption, type ApiFlags } from '../client/api-options.js';
import { expectOk } from '../client/expect-ok.js';
import { reportStarted } from '../progress/report-started.js';

type RollbackRequest = SchedulerApi.components['schemas']['RollbackRequest'];

interface RollbackFlags extends ApiFlags {
  to?: string;
  message?: string;
  wait?: boolean;
  json?: boolean;
}

export function registerRollbackCommand(program: Command): void {
  const command = program
    .command('rollback')
    .description('switch a stage back to an earlier release (default: the one before current)')
    .argument('<app>', 'app name')
    .argument('<stage>', 'stage name')
    .option('--to <release>', 'release id (YYYYMMDDHHMMSS), see drover releases')
    .option('-m, --message <message>', 'why, for the deploy record and revisions.log')
    .option('-w, --wait', 'follow the rollback to its end, with live per-host progress');
  withJsonOption(withApiOptions(command)).action(
    async (app: string, stage: string, opts: RollbackFlags) => {
      const client = clientFor(opts);
      const body: RollbackRequest = {};
      if (opts.to !== undefined) body.to = opts.to;
      if (opts.message !== undefined) body.message = opts.message;
      const res = await client.POST('/v1/apps/{app}/stages/{stage}/rollback', {
        params: { path: { app, stage } },
        body,
      });
      const queued = expectOk(`rollback ${app}/${stage}`, res);
      await reportStarted(client, queued, { wait: opts.wait ?? false, json: opts.json ?? false });
    },
  );
}
