import type { StoredRecord } from '../store/registry-store.js';
import type { Host, HostSpec } from './types.js';

export function hostView(rec: StoredRecord<HostSpec>): Host {
  const s = rec.spec;
  return {
    name: rec.name,
    supervisor_url: s.supervisor_url,
    logger_url: s.logger_url,
    roles: s.roles ?? [],
    labels: s.labels ?? {},
    environment: s.environment ?? {},
    created_at: rec.created_at,
    updated_at: rec.updated_at,
  };
}
