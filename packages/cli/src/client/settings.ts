import { commonErrors } from '@drover/contracts';
import { readUserConfig, userConfigPath, type UserConfig } from '../config/user-config.js';
import type { ApiSettings } from './api-client.js';

export const DEFAULT_URL = 'http://127.0.0.1:7700';

/** An empty variable counts as unset: CI systems often export unset secrets as ''. */
function fromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}

/**
 * Each setting on its own: a flag wins over the environment (`DROVER_URL`, `DROVER_TOKEN`), which
 * wins over `~/.config/drover/config.yaml` (read only when a setting is still missing).
 */
export function resolveSettings(
  flags: { url?: string; token?: string },
  env: NodeJS.ProcessEnv,
  readConfig: () => UserConfig = () => readUserConfig(userConfigPath(env)),
): ApiSettings {
  let url = flags.url ?? fromEnv(env, 'DROVER_URL');
  let token = flags.token ?? fromEnv(env, 'DROVER_TOKEN');
  if (url === undefined || token === undefined) {
    const file = readConfig();
    url ??= file.url;
    token ??= file.token;
  }
  url ??= DEFAULT_URL;
  if (!/^https?:\/\//.test(url)) throw commonErrors.config('url', `'${url}' is not an http(s) URL`);
  return { url, token };
}
