import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { commonErrors, isName, type SchedulerApi } from '@drover/contracts';
import { expandEnv } from './expand-env.js';

type Schemas = SchedulerApi.components['schemas'];

/** A fleet file: `hosts:` and `apps:` maps, each value what the API's PUT takes. */
export interface FleetFile {
  hosts: Record<string, Schemas['HostSpec']>;
  apps: Record<string, Schemas['AppSpec']>;
}

export function readFleetFile(file: string, env: NodeJS.ProcessEnv): FleetFile {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw commonErrors.config(
      '',
      `cannot read ${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw commonErrors.config('', `${file} must hold a mapping with hosts: and apps:`);
  }
  const doc = expandEnv(raw, env) as Record<string, unknown>;
  for (const key of Object.keys(doc)) {
    if (key !== 'hosts' && key !== 'apps')
      throw commonErrors.config(key, 'is not a known section (hosts, apps)');
  }
  const section = <T>(key: 'hosts' | 'apps'): Record<string, T> => {
    const v = doc[key] ?? {};
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw commonErrors.config(key, 'must be a mapping of names');
    for (const name of Object.keys(v)) {
      if (!isName(name))
        throw commonErrors.config(
          `${key}.${name}`,
          'is not a valid name (^[a-z0-9][a-z0-9_-]{0,62}$)',
        );
    }
    return v as Record<string, T>;
  };
  return { hosts: section('hosts'), apps: section('apps') };
}
