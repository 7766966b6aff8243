import type { Command } from 'commander';
import { createSchedulerClient } from '../client/api-client.js';
import { resolveSettings } from '../client/settings.js';
import { applyFleet } from '../fleet/apply-fleet.js';
import { readFleetFile } from '../fleet/fleet-file.js';

export function registerApplyCommand(program: Command): void {
  program
    .command('apply')
    .description('push a fleet file (hosts: and apps:) through the API, idempotently')
    .requiredOption(
      '-f, --file <file>',
      'fleet file (YAML); ${VAR} and ${VAR:-default} are expanded',
    )
    .option('--prune', 'delete apps and hosts the file no longer lists')
    .option('--url <url>', 'scheduler URL (default: $DROVER_URL)')
    .option('--token <token>', 'API token (default: $DROVER_TOKEN)')
    .action(async (opts: { file: string; prune?: boolean; url?: string; token?: string }) => {
      const fleet = readFleetFile(opts.file, process.env);
      const client = createSchedulerClient(resolveSettings(opts, process.env));
      await applyFleet(client, fleet, {
        prune: opts.prune ?? false,
        onResult: (r) => console.log(`${r.kind} ${r.name}: ${r.outcome}`),
      });
    });
}
