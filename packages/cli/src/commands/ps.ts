import { Option, type Command } from 'commander';
import type { SchedulerApi } from '@drover/contracts';
import { clientFor, withApiOptions, withJsonOption, type ApiFlags } from '../client/api-options.js';
import { expectOk, readAs } from '../client/expect-ok.js';
import { printRead } from '../output/print.js';

type ProgramState = SchedulerApi.components['schemas']['ProgramState'];
const STATES: ProgramState[] = [
  'STOPPED',
  'STARTING',
  'RUNNING',
  'BACKOFF',
  'STOPPING',
  'EXITED',
  'FATAL',
];

interface PsFlags extends ApiFlags {
  host?: string;
  app?: string;
  state?: ProgramState;
  json?: boolean;
}

export function registerPsCommand(program: Command): void {
  const command = program
    .command('ps')
    .description('every program on every host, and hosts that do not answer')
    .option('--host <host>', 'only this host')
    .option('--app <app>', "only this app's programs")
    .addOption(
      new Option('--state <state>', 'only programs in this state')
        .choices(STATES)
        .argParser((v) => v.toUpperCase() as ProgramState),
    );
  withJsonOption(withApiOptions(command)).action(async (opts: PsFlags) => {
    const client = clientFor(opts);
    const json = opts.json ?? false;
    const query: SchedulerApi.operations['listProcesses']['parameters']['query'] = {};
    if (opts.host !== undefined) query.host = opts.host;
    if (opts.app !== undefined) query.app = opts.app;
    if (opts.state !== undefined) query.state = opts.state;
    const data = expectOk(
      'processes',
      await client.GET('/v1/processes', { params: { query }, ...readAs(json) }),
    );
    printRead(json, data);
  });
}
