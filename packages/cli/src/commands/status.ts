import type { Command } from 'commander';
import { clientFor, withApiOptions, withJsonOption, type ApiFlags } from '../client/api-options.js';
import { expectOk, readAs } from '../client/expect-ok.js';
import { printRead } from '../output/print.js';

const LATEST = 10;

export function registerStatusCommand(program: Command): void {
  const command = program
    .command('status')
    .description(`a deploy's status, or the ${LATEST} latest deploys`)
    .argument('[id]', 'deploy id');
  withJsonOption(withApiOptions(command)).action(
    async (id: string | undefined, opts: ApiFlags & { json?: boolean }) => {
      const client = clientFor(opts);
      const json = opts.json ?? false;
      const data =
        id !== undefined
          ? expectOk(
              `deploy ${id}`,
              await client.GET('/v1/deploys/{id}', { params: { path: { id } }, ...readAs(json) }),
            )
          : expectOk(
              'deploys',
              await client.GET('/v1/deploys', {
                params: { query: { limit: LATEST } },
                ...readAs(json),
              }),
            );
      printRead(json, data);
    },
  );
}
