import { InvalidArgumentError, type Command } from 'commander';
import { PROGRAM_SIGNALS, type SchedulerApi } from '@drover/contracts';
import { clientFor, withApiOptions, withJsonOption, type ApiFlags } from '../client/api-options.js';
import { expectOk } from '../client/expect-ok.js';
import { printJson } from '../output/print.js';

type Process = SchedulerApi.components['schemas']['Process'];
type ActionBody = NonNullable<
  SchedulerApi.operations['programAction']['requestBody']
>['content']['application/json'];
type Signal = NonNullable<ActionBody['signal']>;

/** `hup`, `HUP` and `SIGHUP` all name SIGHUP, as kill(1) accepts. */
function signalArg(value: string): Signal {
  const name = value.toUpperCase().replace(/^SIG/, '');
  const known = PROGRAM_SIGNALS.find((s) => s === name);
  if (known === undefined)
    throw new InvalidArgumentError(`use one of ${PROGRAM_SIGNALS.join(', ')}`);
  return known;
}

type Flags = ApiFlags & { json?: boolean };

async function act(
  action: 'start' | 'stop' | 'restart' | 'signal',
  host: string,
  name: string,
  opts: Flags,
  body: ActionBody = {},
): Promise<void> {
  const client = clientFor(opts);
  const p: Process = expectOk(
    `${action} ${name} on ${host}`,
    await client.POST('/v1/hosts/{host}/programs/{program}/{action}', {
      params: { path: { host, program: name, action } },
      body,
    }),
  );
  if (opts.json) printJson(p);
  else
    process.stdout.write(
      `${p.host} ${p.name}: ${p.state}${p.pid !== null ? ` pid ${p.pid}` : ''} (desired ${p.desired})\n`,
    );
}

/** start, stop, restart and signal: one program on one host, through the scheduler. */
export function registerProgramActionCommands(program: Command): void {
  for (const action of ['start', 'stop', 'restart'] as const) {
    const command = program
      .command(action)
      .description(`${action} a program on a host (waits for it to get there)`)
      .argument('<host>', 'host name')
      .argument('<program>', 'program name, e.g. web.web');
    withJsonOption(withApiOptions(command)).action((host: string, name: string, opts: Flags) =>
      act(action, host, name, opts),
    );
  }
  const signal = program
    .command('signal')
    .description("send a signal to a program's process on a host")
    .argument('<host>', 'host name')
    .argument('<program>', 'program name')
    .argument('<signal>', `one of ${PROGRAM_SIGNALS.join(' ')} (SIG prefix optional)`, signalArg);
  withJsonOption(withApiOptions(signal)).action(
    (host: string, name: string, sig: Signal, opts: Flags) =>
      act('signal', host, name, opts, { signal: sig }),
  );
}
