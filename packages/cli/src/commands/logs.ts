import { InvalidArgumentError, type Command } from 'commander';
import { parseDuration, type SchedulerApi } from '@drover/contracts';
import { clientFor, withApiOptions, type ApiFlags } from '../client/api-options.js';
import { expectOk } from '../client/expect-ok.js';

type LogQuery = NonNullable<SchedulerApi.operations['getProgramLog']['parameters']['query']>;

interface LogsFlags extends ApiFlags {
  follow?: boolean;
  lines?: number;
  since?: string;
  grep?: string;
}

function linesArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('N must be a whole number');
  return Number(value);
}

/** `--since` takes an RFC 3339 time or a duration back from now (`10m`, `2h`), as journalctl. */
export function sinceArg(value: string, now = Date.now()): string {
  if (/^\d+(\.\d+)?(ms|s|m|h)$/.test(value)) {
    return new Date(now - parseDuration(value)).toISOString();
  }
  const t = Date.parse(value);
  if (Number.isNaN(t) || !/^\d{4}-\d\d-\d\d/.test(value)) {
    throw new InvalidArgumentError('use a time (2026-11-23T10:00:00Z) or a duration (10m)');
  }
  return new Date(t).toISOString();
}

export function registerLogsCommand(program: Command): void {
  const command = program
    .command('logs')
    .description("a program's log on a host, from its logger: `<time> <out|err> <line>`")
    .argument('<host>', 'host name')
    .argument('<program>', 'program name, e.g. web.web')
    .option('-f, --follow', 'keep streaming new lines (Ctrl-C to stop)')
    .option('-n, --lines <n>', 'only the last N lines (default with -f: 10)', linesArg)
    .option('--since <time>', 'lines from this time, or this long ago (10m)', (v) => sinceArg(v))
    .option('--grep <text>', 'lines that contain this text');
  withApiOptions(command).action(async (host: string, name: string, opts: LogsFlags) => {
    const client = clientFor(opts);
    const query: LogQuery = {};
    // Like `tail -f`: following starts from the last few lines, not the whole history.
    const tail = opts.lines ?? (opts.follow && opts.since === undefined ? 10 : undefined);
    if (tail !== undefined) query.tail = tail;
    if (opts.since !== undefined) query.since = opts.since;
    if (opts.grep !== undefined) query.grep = opts.grep;
    if (opts.follow) query.follow = true;
    const body = expectOk(
      `log of ${name} on ${host}`,
      await client.GET('/v1/hosts/{host}/programs/{program}/log', {
        params: { path: { host, program: name }, query },
        headers: { Accept: 'text/plain' },
        parseAs: 'stream',
      }),
    );
    if (body === null) return;
    // Copy chunks as they come: a followed log never ends, and lines must show at once.
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      if (!process.stdout.write(chunk)) {
        await new Promise<void>((r) => process.stdout.once('drain', () => r()));
      }
    }
  });
}
