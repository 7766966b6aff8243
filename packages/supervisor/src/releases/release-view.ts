import type { SupervisorApi } from '@drover/contracts';
import type { FailedPrepare, ReleaseRecord } from './state/app-state-store.js';

type Schemas = SupervisorApi.components['schemas'];
export type ReleaseView = Schemas['Release'];
export type AppSummary = Schemas['AppSummary'];

export function completeView(record: ReleaseRecord, current: string | undefined): ReleaseView {
  return {
    id: record.id,
    revision: record.revision,
    created_at: record.createdAt,
    size: record.size,
    current: record.id === current,
    bad: record.bad,
    complete: true,
    deploy_id: record.deployId,
  };
}

export function preparingView(id: string, revision: string, deployId: string, since: Date) {
  const view: ReleaseView = {
    id,
    revision,
    created_at: since.toISOString(),
    size: 0,
    current: false,
    bad: false,
    complete: false,
    preparing: true,
    deploy_id: deployId,
  };
  return view;
}

export function failedView(id: string, failed: FailedPrepare): ReleaseView {
  return {
    id,
    revision: failed.revision,
    created_at: failed.at,
    size: 0,
    current: false,
    bad: false,
    complete: false,
    deploy_id: failed.deployId,
    error: failed.error,
  };
}

/** A directory in releases/ without a record: left by a crash, never publishable. */
export function strayView(id: string, current: string | undefined): ReleaseView {
  return {
    id,
    revision: '',
    created_at: new Date(0).toISOString(),
    size: 0,
    current: id === current,
    bad: false,
    complete: false,
  };
}
