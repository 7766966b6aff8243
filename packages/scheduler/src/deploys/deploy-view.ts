import type { SchedulerApi } from '@drover/contracts';
import type { StoredDeploy } from './deploy-store.js';

type Deploy = SchedulerApi.components['schemas']['Deploy'];

/** A deploy as the API shows it: never the app spec, whose secrets the record carries. */
export function deployView(rec: StoredDeploy): Deploy {
  const { spec, state } = rec;
  const view: Deploy = {
    id: spec.id,
    app: spec.app,
    stage: spec.stage,
    kind: spec.kind,
    status: state.status,
    phase: state.phase,
    release_id: state.rollback_to ?? spec.release_id,
    who: spec.who,
    strategy: spec.strategy,
    created_at: spec.created_at,
    hosts: spec.targets.map((t) => {
      const h = state.hosts[t.name];
      const out: Deploy['hosts'][number] = { host: t.name, state: h?.state ?? 'pending' };
      if (h?.started_at !== undefined) out.started_at = h.started_at;
      if (h?.finished_at !== undefined) out.finished_at = h.finished_at;
      if (h?.detail !== undefined) out.detail = h.detail;
      if (h?.previous_release !== undefined) out.previous_release = h.previous_release;
      return out;
    }),
  };
  if (spec.revision_requested !== undefined) view.revision_requested = spec.revision_requested;
  if (state.revision !== undefined) view.revision = state.revision;
  if (state.rollback_to !== undefined) view.rollback_to = state.rollback_to;
  const cancelledBy = rec.cancel_requested_by ?? state.cancel_requested_by;
  if (cancelledBy !== undefined) view.cancelled_by = cancelledBy;
  if (spec.message !== undefined) view.message = spec.message;
  if (state.error !== undefined) view.error = state.error;
  if (state.groups !== undefined) view.groups = state.groups;
  if (state.started_at !== undefined) view.started_at = state.started_at;
  if (state.finished_at !== undefined) view.finished_at = state.finished_at;
  return view;
}

/** One line for chatops. */
export function deployText(d: Deploy): string {
  const rev = d.revision !== undefined ? ` rev ${d.revision.slice(0, 12)}` : '';
  const hosts = d.hosts.map((h) => `${h.host}:${h.state}`).join(' ');
  return `deploy ${d.id} ${d.app}/${d.stage} ${d.kind} ${d.status} (${d.phase}) release ${d.release_id || '(to be chosen)'}${rev} by ${d.who}${hosts ? ` — ${hosts}` : ''}${d.error ? ` — ${d.error}` : ''}\n`;
}
