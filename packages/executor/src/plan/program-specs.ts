import type { AppSpec, SupervisorApi } from '@drover/contracts';

type ProgramSpec = SupervisorApi.components['schemas']['ProgramSpec'];
type HealthGate = SupervisorApi.components['schemas']['HealthGate'];
type Ready = NonNullable<ProgramSpec['ready']>;
type AppReady = NonNullable<NonNullable<AppSpec['processes']>[string]['ready']>;

const REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** `${VAR}` replaced from the host's environment; an unknown name stays as written. */
export function expand(text: string, env: Record<string, string>): string {
  return text.replace(REF, (whole, name: string) => env[name] ?? whole);
}

function readyFor(ready: AppReady, env: Record<string, string>): Ready {
  if ('tcp' in ready) {
    const port = typeof ready.tcp === 'number' ? ready.tcp : Number(expand(ready.tcp, env));
    return { tcp: port };
  }
  if ('http' in ready) return { http: expand(ready.http, env) };
  if ('exec' in ready) return { exec: ready.exec.map((a) => expand(a, env)) };
  return ready;
}

/**
 * The app's process types as the supervisor's program specs for one host: `${VAR}` in argv
 * commands and readiness checks takes the host's merged environment (a string command is left to
 * its shell, which expands variables itself).
 */
export function programSpecs(
  app: AppSpec,
  env: Record<string, string>,
): Record<string, ProgramSpec> {
  const out: Record<string, ProgramSpec> = {};
  for (const [type, p] of Object.entries(app.processes ?? {})) {
    const spec: ProgramSpec = {
      command: typeof p.command === 'string' ? p.command : p.command.map((a) => expand(a, env)),
    };
    if (p.instances !== undefined) spec.instances = p.instances;
    if (p.ready !== undefined) spec.ready = readyFor(p.ready, env);
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
export function healthGate(app: AppSpec, env: Record<string, string>): HealthGate | undefined {
  for (const p of Object.values(app.processes ?? {})) {
    if (p.health === undefined) continue;
    const gate: HealthGate = {};
    if (p.health.min_healthy !== undefined) gate.min_healthy = p.health.min_healthy;
    if (p.health.http !== undefined) gate.http = expand(p.health.http, env);
    if (p.health.timeout !== undefined) gate.timeout = p.health.timeout;
    return gate;
  }
  return undefined;
}
