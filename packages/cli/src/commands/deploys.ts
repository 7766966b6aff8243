import { InvalidArgumentError, Option, type Command } from 'commander';
import type { SchedulerApi } from '@drover/contracts';
import { clientFor, withApiOptions, withJsonOption, type ApiFlags } from '../client/api-options.js';
import { expectOk, readAs } from '../client/expect-ok.js';
import { printRead } from '../output/print.js';

type DeployStatus = SchedulerApi.components['schemas']['DeployStatus'];
const STATUSES: DeployStatus[] = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'reverted',
  'cancelled',
];

interface DeploysFlags extends ApiFlags {
  app?: string;
  stage?: string;
  status?: DeployStatus;
  limit?: number;
  json?: boolean;
}

function limitArg(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 500) {
    throw new InvalidArgumentError('limit must be an integer from 1 to 500');
  }
  return n;
}

export function registerDeploysCommand(program: Command): void {
  const command = program
    .command('deploys')
    .description('list deploys, newest first')
    .option('--app <app>', 'only this app')
    .option('--stage <stage>', 'only this stage')
    .addOption(new Option('--status <status>', 'only this status').choices(STATUSES))
    .option('--limit <n>', 'at most N deploys (1-500, default 50)', limitArg);
  withJsonOption(withApiOptions(command)).action(async (opts: DeploysFlags) => {
    const client = clientFor(opts);
    const json = opts.json ?? false;
    const query: SchedulerApi.operations['listDeploys']['parameters']['query'] = {};
    if (opts.app !== undefined) query.app = opts.app;
    if (opts.stage !== undefined) query.stage = opts.stage;
    if (opts.status !== undefined) query.status = opts.status;
    if (opts.limit !== undefined) query.limit = opts.limit;
    const data = expectOk(
      'deploys',
      await client.GET('/v1/deploys', { params: { query }, ...readAs(json) }),
    );
    printRead(json, data);
  });
}
