import type { StoredRecord } from '../store/registry-store.js';
import type { App, AppSpec } from './types.js';

/** The app as the API shows it: every field present, secrets by name only. */
export function appView(rec: StoredRecord<AppSpec>): App {
  const s = rec.spec;
  const app: App = {
    name: rec.name,
    source: s.source,
    build: s.build ?? [],
    environment: s.environment ?? {},
    secret_names: Object.keys(s.secrets ?? {}).sort(),
    linked_files: s.linked_files ?? [],
    linked_dirs: s.linked_dirs ?? [],
    processes: s.processes ?? {},
    keep_releases: s.keep_releases ?? 5,
    notify: s.notify ?? [],
    stages: s.stages ?? {},
    created_at: rec.created_at,
    updated_at: rec.updated_at,
  };
  if (s.user !== undefined) app.user = s.user;
  return app;
}

export function sourceLabel(source: AppSpec['source']): string {
  if ('git' in source) return `git ${source.git.url}@${source.git.ref ?? 'main'}`;
  return `artifact ${source.artifact.url}`;
}
