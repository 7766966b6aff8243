import { apiError, type SchedulerClient } from '../client/api-client.js';
import type { FleetFile } from './fleet-file.js';

export type ApplyOutcome = 'created' | 'updated' | 'unchanged' | 'deleted';
export interface ApplyResult {
  kind: 'host' | 'app';
  name: string;
  outcome: ApplyOutcome;
}

function outcomeOf(response: Response): ApplyOutcome {
  const h = response.headers.get('x-drover-outcome');
  if (h === 'created' || h === 'updated' || h === 'unchanged') return h;
  return response.status === 201 ? 'created' : 'updated';
}

/**
 * Pushes a fleet file through the API: hosts first (stages name them), then apps. PUT is
 * idempotent on the server, which reports whether anything changed. With `prune`, apps and then
 * hosts the file no longer lists are deleted.
 */
export async function applyFleet(
  client: SchedulerClient,
  fleet: FleetFile,
  options: { prune?: boolean; onResult?: (r: ApplyResult) => void } = {},
): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  const record = (r: ApplyResult) => {
    results.push(r);
    options.onResult?.(r);
  };

  for (const [name, body] of Object.entries(fleet.hosts)) {
    const { response, error } = await client.PUT('/v1/hosts/{host}', {
      params: { path: { host: name } },
      body,
    });
    if (error !== undefined || !response.ok) throw apiError(`host ${name}`, response, error);
    record({ kind: 'host', name, outcome: outcomeOf(response) });
  }
  for (const [name, body] of Object.entries(fleet.apps)) {
    const { response, error } = await client.PUT('/v1/apps/{app}', {
      params: { path: { app: name } },
      body,
    });
    if (error !== undefined || !response.ok) throw apiError(`app ${name}`, response, error);
    record({ kind: 'app', name, outcome: outcomeOf(response) });
  }

  if (options.prune) {
    const apps = await client.GET('/v1/apps');
    if (!apps.data) throw apiError('list apps', apps.response, apps.error);
    for (const app of apps.data.apps) {
      if (app.name in fleet.apps) continue;
      const { response, error } = await client.DELETE('/v1/apps/{app}', {
        params: { path: { app: app.name } },
      });
      if (!response.ok) throw apiError(`delete app ${app.name}`, response, error);
      record({ kind: 'app', name: app.name, outcome: 'deleted' });
    }
    const hosts = await client.GET('/v1/hosts');
    if (!hosts.data) throw apiError('list hosts', hosts.response, hosts.error);
    for (const host of hosts.data.hosts) {
      if (host.name in fleet.hosts) continue;
      const { response, error } = await client.DELETE('/v1/hosts/{host}', {
        params: { path: { host: host.name } },
      });
      if (!response.ok) throw apiError(`delete host ${host.name}`, response, error);
      record({ kind: 'host', name: host.name, outcome: 'deleted' });
    }
  }
  return results;
}
