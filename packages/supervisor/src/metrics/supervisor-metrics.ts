import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { PROGRAM_STATES } from '../programs/states.js';
import type { Program } from '../programs/program.js';

export interface SupervisorMetrics {
  registry: Registry;
  /** A crashed program was spawned again, `seconds` after its exit event. */
  restarted(program: Program, seconds: number): void;
}

/**
 * Metrics on their own registry, computed when scraped. No default collectors: their 10 ms
 * event-loop timer would wake an idle supervisor hundreds of times a second.
 */
export function createSupervisorMetrics(source: {
  programs: () => readonly Program[];
  adopted: () => number;
}): SupervisorMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'drover_supervisor_programs',
    help: 'Programs by state.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const counts = new Map<string, number>(PROGRAM_STATES.map((s) => [s, 0]));
      for (const p of source.programs()) counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
      for (const [state, n] of counts) this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'drover_supervisor_programs_ready',
    help: 'Programs that are RUNNING and ready.',
    registers: [registry],
    collect() {
      this.set(source.programs().filter((p) => p.state === 'RUNNING' && p.ready).length);
    },
  });
  new Gauge({
    name: 'drover_supervisor_adopted_processes',
    help: 'Processes adopted from an earlier supervisor and watched by polling.',
    registers: [registry],
    collect() {
      this.set(source.adopted());
    },
  });
  const restarts = new Counter({
    name: 'drover_supervisor_restarts_total',
    help: 'Restarts after a crash, by program.',
    labelNames: ['program'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'drover_supervisor_restart_latency_seconds',
    help: "From a crashed process's exit event to its replacement's spawn.",
    buckets: [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05],
    registers: [registry],
  });
  return {
    registry,
    restarted(program, seconds) {
      restarts.inc({ program: program.name });
      latency.observe(seconds);
    },
  };
}
