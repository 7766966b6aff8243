import type { DeployTarget } from '@drover/contracts';
import { DroverError } from '@drover/contracts';
import type { StoredRecord } from '../store/registry-store.js';
import type { AppSpec, HostSpec } from '../views/types.js';

type Stage = NonNullable<AppSpec['stages']>[string];

/**
 * The hosts a stage names, then those with one of its roles, each with the environment its
 * programs get: the app's environment, its secrets, then the host's environment over both.
 */
export function resolveTargets(
  app: StoredRecord<AppSpec>,
  stageName: string,
  stage: Stage,
  hosts: StoredRecord<HostSpec>[],
): DeployTarget[] {
  const byName = new Map(hosts.map((h) => [h.name, h]));
  const chosen: StoredRecord<HostSpec>[] = [];
  for (const name of stage.hosts ?? []) {
    const h = byName.get(name);
    if (!h) {
      throw new DroverError('unknown-host', 409, 'Stage names an unknown host', {
        detail: `stage ${app.name}/${stageName} names host '${name}', which is not registered`,
      });
    }
    chosen.push(h);
  }
  const roles = new Set(stage.roles ?? []);
  if (roles.size > 0) {
    for (const h of hosts) {
      if (chosen.includes(h)) continue;
      if ((h.spec.roles ?? []).some((r) => roles.has(r))) chosen.push(h);
    }
  }
  if (chosen.length === 0) {
    throw new DroverError('empty-stage', 409, 'Stage has no hosts', {
      detail: `stage ${app.name}/${stageName} has no hosts (list them under hosts: or give it roles:)`,
    });
  }
  return chosen.map((h) => ({
    name: h.name,
    supervisor_url: h.spec.supervisor_url,
    logger_url: h.spec.logger_url,
    roles: h.spec.roles ?? [],
    environment: { ...app.spec.environment, ...app.spec.secrets, ...h.spec.environment },
  }));
}
