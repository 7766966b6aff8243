import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { commonErrors, coerceError } from '@drover/contracts';

/** What `~/.config/drover/config.yaml` may say: where the scheduler is and which token to use. */
export interface UserConfig {
  url?: string;
  token?: string;
}

const KEYS = new Set(['url', 'token']);

/**
 * `$XDG_CONFIG_HOME/drover/config.yaml`, else `~/.config/drover/config.yaml`. A relative
 * XDG_CONFIG_HOME is ignored, as the XDG base directory spec says.
 */
export function userConfigPath(env: NodeJS.ProcessEnv): string {
  const xdg = env['XDG_CONFIG_HOME'];
  const base =
    xdg !== undefined && xdg !== '' && isAbsolute(xdg)
      ? xdg
      : join(env['HOME'] || homedir(), '.config');
  return join(base, 'drover', 'config.yaml');
}

/** Reads the config file; a missing file is an empty config, a broken one a config error. */
export function readUserConfig(path: string): UserConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw commonErrors.config(path, coerceError(err).message);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw commonErrors.config(path, `not valid YAML: ${coerceError(err).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw commonErrors.config(path, 'expected a mapping with url: and token:');
  }
  const config: UserConfig = {};
  for (const [key, value] of Object.entries(doc)) {
    // A typo such as `tokn:` would otherwise silently send no token.
    if (!KEYS.has(key)) throw commonErrors.config(path, `unknown key '${key}' (url, token)`);
    if (typeof value !== 'string' || value === '') {
      throw commonErrors.config(path, `${key} must be a non-empty string`);
    }
    config[key as keyof UserConfig] = value;
  }
  return config;
}
