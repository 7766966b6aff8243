import type { SupervisorApi } from '@drover/contracts';
import { redactSpec } from '../config/program-spec.js';
import type { Program } from '../programs/program.js';

type Schemas = SupervisorApi.components['schemas'];

export function programSummary(p: Program, now = Date.now()): Schemas['ProgramSummary'] {
  const running = p.pid !== undefined && p.startedAt !== undefined;
  return {
    name: p.name,
    state: p.state,
    ready: p.ready,
    desired: p.desired,
    origin: p.definition.origin,
    pid: running ? (p.pid ?? null) : null,
    started_at: running ? (p.startedAt?.toISOString() ?? null) : null,
    uptime_s: running && p.startedAt ? Math.max(0, (now - p.startedAt.getTime()) / 1000) : null,
    restarts: p.restarts,
    adopted: p.adopted,
    last_exit: p.lastExit ?? null,
  };
}

export function programDetail(p: Program): Schemas['Program'] {
  return {
    ...programSummary(p),
    spec: redactSpec(p.definition.input),
    history: p.historyEntries(),
  };
}

function uptime(s: number | null): string {
  return s === null ? '-' : `${Math.floor(s)}s`;
}

export function programRow(p: Schemas['ProgramSummary']): string[] {
  return [
    p.name,
    p.state,
    p.ready ? 'yes' : 'no',
    p.desired,
    p.pid === null ? '-' : String(p.pid),
    uptime(p.uptime_s),
    String(p.restarts),
  ];
}

export const PROGRAM_TABLE_HEADER = [
  'NAME',
  'STATE',
  'READY',
  'DESIRED',
  'PID',
  'UPTIME',
  'RESTARTS',
];
