import type { Command } from 'commander';
import { createSchedulerClient, type SchedulerClient } from './api-client.js';
import { resolveSettings } from './settings.js';

export interface ApiFlags {
  url?: string;
  token?: string;
}

/** The flags every command that talks to the scheduler takes. */
export function withApiOptions(command: Command): Command {
  return command
    .option('--url <url>', 'scheduler URL (default: $DROVER_URL, then the config file)')
    .option('--token <token>', 'API token (default: $DROVER_TOKEN, then the config file)');
}

/** `--json` on read commands: print the API's JSON instead of its text summary. */
export function withJsonOption(command: Command): Command {
  return command.option('--json', "print the API's JSON answer");
}

export function clientFor(flags: ApiFlags): SchedulerClient {
  return createSchedulerClient(resolveSettings(flags, process.env));
}
