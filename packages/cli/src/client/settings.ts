import { commonErrors } from '@drover/contracts';
import type { ApiSettings } from './api-client.js';

/** Flags win over the environment (`DROVER_URL`, `DROVER_TOKEN`). */
export function resolveSettings(
  flags: { url?: string; token?: string },
  env: NodeJS.ProcessEnv,
): ApiSettings {
  const url = flags.url ?? env['DROVER_URL'] ?? 'http://127.0.0.1:7700';
  if (!/^https?:\/\//.test(url)) throw commonErrors.config('url', `'${url}' is not an http(s) URL`);
  return { url, token: flags.token ?? env['DROVER_TOKEN'] };
}
