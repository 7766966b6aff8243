import type { Command } from 'commander';
import { clientFor, withApiOptions, withJsonOption, type ApiFlags } from '../client/api-options.js';
import { expectOk } from '../client/expect-ok.js';
import { printJson } from '../output/print.js';

export function registerCancelCommand(program: Command): void {
  const command = program
    .command('cancel')
    .description('cancel a deploy after its running step; hosts already switched are reverted')
    .argument('<id>', 'deploy id');
  withJsonOption(withApiOptions(command)).action(
    async (id: string, opts: ApiFlags & { json?: boolean }) => {
      const client = clientFor(opts);
      const d = expectOk(
        `cancel ${id}`,
        await client.POST('/v1/deploys/{id}/cancel', { params: { path: { id } } }),
      );
      if (opts.json) printJson(d);
      else
        process.stdout.write(
          `cancel requested for ${d.kind} ${d.id} (${d.app}/${d.stage}), now ${d.status}\n`,
        );
    },
  );
}
