import type { Command } from 'commander';
import { clientFor, withApiOptions, withJsonOption, type ApiFlags } from '../client/api-options.js';
import { expectOk, readAs } from '../client/expect-ok.js';
import { printRead } from '../output/print.js';

export function registerReleasesCommand(program: Command): void {
  const command = program
    .command('releases')
    .description("each host's releases of an app on a stage, and which one is current")
    .argument('<app>', 'app name')
    .argument('<stage>', 'stage name');
  withJsonOption(withApiOptions(command)).action(
    async (app: string, stage: string, opts: ApiFlags & { json?: boolean }) => {
      const client = clientFor(opts);
      const json = opts.json ?? false;
      const data = expectOk(
        `releases of ${app}/${stage}`,
        await client.GET('/v1/apps/{app}/stages/{stage}/releases', {
          params: { path: { app, stage } },
          ...readAs(json),
        }),
      );
      printRead(json, data);
    },
  );
}
