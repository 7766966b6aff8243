import type { AppSpec, SupervisorApi } from '@drover/contracts';

type ProgramSpec = SupervisorApi.components['schemas']['ProgramSpec'];
type HealthGate = SupervisorApi.components['schemas']['HealthGate'];

/** The app's process types as the supervisor's program specs. */
export function programSpecs(app: AppSpec): Record<string, ProgramSpec> {
  const out: Record<string, ProgramSpec> = {};
  for (const [type, p] of Object.entries(app.processes ?? {})) {
    const spec: ProgramSpec = { command: p.command };
    if (p.instances !== undefined) spec.instances = p.instances;
    if (p.ready !== undefined) spec.ready = p.ready;
    if (p.start_secs !== undefined) spec.start_secs = p.start_secs;
    if (p.stop_signal !== undefined) spec.stop_signal = p.stop_signal;
    if (p.stop_timeout !== undefined) spec.stop_timeout = p.stop_timeout;
    if (p.autorestart !== undefined) spec.autorestart = p.autorestart;
    if (p.priority !== undefined) spec.priority = p.priority;
    out[type] = spec;
  }
  return out;
}

/** One health gate for a publish: the first process type that says how it is healthy. */
export function healthGate(app: AppSpec): HealthGate | undefined {
  for (const p of Object.values(app.processes ?? {})) {
    if (p.health === undefined) continue;
    const gate: HealthGate = {};
    if (p.health.min_healthy !== undefined) gate.min_healthy = p.health.min_healthy;
    if (p.health.http !== undefined) gate.http = p.health.http;
    if (p.health.timeout !== undefined) gate.timeout = p.health.timeout;
    return gate;
  }
  return undefined;
}
