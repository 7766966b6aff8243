import type { SchedulerApi } from '@drover/contracts';

type Deploy = SchedulerApi.components['schemas']['Deploy'];
type HostState = Deploy['hosts'][number]['state'];

/** How far along a host is, 0…1: where it stands in the prepare → publish → healthy path. */
const DEPLOY_STEPS: Record<HostState, number> = {
  pending: 0,
  preparing: 0.2,
  prepared: 0.5,
  publishing: 0.75,
  healthy: 1,
  unhealthy: 1,
  reverting: 0.5,
  reverted: 1,
  failed: 1,
};

/** A rollback prepares nothing: its hosts go straight from pending to publishing. */
const ROLLBACK_STEPS: Record<HostState, number> = {
  ...DEPLOY_STEPS,
  publishing: 0.5,
};

export type HostTone = 'ok' | 'bad' | 'busy' | 'idle';

export function hostFraction(kind: Deploy['kind'], state: HostState): number {
  return (kind === 'rollback' ? ROLLBACK_STEPS : DEPLOY_STEPS)[state];
}

export function hostTone(state: HostState): HostTone {
  switch (state) {
    case 'healthy':
      return 'ok';
    case 'unhealthy':
    case 'failed':
    case 'reverted':
      return 'bad';
    case 'preparing':
    case 'prepared':
    case 'publishing':
    case 'reverting':
      return 'busy';
    case 'pending':
      return 'idle';
  }
}

export interface DeploySummary {
  fraction: number;
  healthy: number;
  total: number;
}

/** The whole deploy: the mean of its hosts, and how many are live and healthy. */
export function summarize(d: Deploy): DeploySummary {
  const total = d.hosts.length;
  if (d.status === 'succeeded') return { fraction: 1, healthy: total, total };
  const sum = d.hosts.reduce((acc, h) => acc + hostFraction(d.kind, h.state), 0);
  return {
    fraction: total === 0 ? 0 : sum / total,
    healthy: d.hosts.filter((h) => h.state === 'healthy').length,
    total,
  };
}

/** `[█████░░░░░]` */
export function bar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}
