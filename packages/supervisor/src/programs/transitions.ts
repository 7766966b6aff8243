import type { ProgramState } from './states.js';

/**
 * What can happen to a program. Operator actions (`start`, `once`, `stop`), the process's life
 * (`started`, `exited-early`, `gave-up`, `crashed`, `finished`, `stopped`), timers
 * (`backoff-over`) and a supervisor restart (`adopted`). Exits are classified into one of the
 * exit events by `classifyExit`, so the table itself needs no guards.
 */
export const PROGRAM_EVENTS = [
  'start',
  'once',
  'stop',
  'started',
  'exited-early',
  'gave-up',
  'crashed',
  'finished',
  'stopped',
  'backoff-over',
  'adopted',
] as const;
export type ProgramEvent = (typeof PROGRAM_EVENTS)[number];

/** What the program must do on a transition; process-runner.ts carries these out. */
export type Effect =
  /** spawn the process now (synchronously, in the caller's stack) */
  | 'spawn'
  /** arm the `start_secs` timer that turns STARTING into RUNNING */
  | 'arm-start-timer'
  /** arm the backoff timer for the next attempt */
  | 'arm-backoff-timer'
  /** send `stop_signal` + SIGCONT to the process group, SIGKILL after `stop_timeout` */
  | 'send-stop-signal'
  /** drop any armed timer */
  | 'cancel-timers'
  /** count one more quick failure (drives the backoff delay and FATAL) */
  | 'count-failure'
  /** the program stayed up: forget earlier quick failures */
  | 'reset-failures'
  /** count a restart after a crash */
  | 'count-restart';

export interface Transition {
  to: ProgramState;
  effects: readonly Effect[];
}

type Table = { readonly [S in ProgramState]: Partial<Record<ProgramEvent, Transition>> };

const stay = (state: ProgramState): Transition => ({ to: state, effects: [] });

/** Resting states (STOPPED, EXITED, FATAL) answer actions alike. */
const fromRest = (state: ProgramState): Partial<Record<ProgramEvent, Transition>> => ({
  // REST -> STARTING: an operator (or autostart) wants it up
  start: { to: 'STARTING', effects: ['reset-failures', 'spawn', 'arm-start-timer'] },
  // REST -> STARTING: run once, no restart (svc -o)
  once: { to: 'STARTING', effects: ['reset-failures', 'spawn', 'arm-start-timer'] },
  // REST -> REST: stopping what does not run is a no-op, so a retried stop is safe
  stop: stay(state),
  // REST -> RUNNING: a new supervisor found the process alive and took it over
  adopted: { to: 'RUNNING', effects: [] },
});

/**
 * state × event → next state + effects. Pure data: no I/O, no clock. An event missing here is an
 * error (`IllegalTransitionError`), never a silent no-op.
 */
export const TRANSITIONS: Table = {
  STOPPED: fromRest('STOPPED'),
  EXITED: fromRest('EXITED'),
  FATAL: fromRest('FATAL'),
  STARTING: {
    // STARTING -> STARTING: already on its way up
    start: stay('STARTING'),
    // STARTING -> STARTING: already on its way up
    once: stay('STARTING'),
    // STARTING -> RUNNING: up for start_secs
    started: { to: 'RUNNING', effects: ['reset-failures'] },
    // STARTING -> BACKOFF: died before start_secs, retries left
    'exited-early': {
      to: 'BACKOFF',
      effects: ['cancel-timers', 'count-failure', 'arm-backoff-timer'],
    },
    // STARTING -> FATAL: died before start_secs, no retries left
    'gave-up': { to: 'FATAL', effects: ['cancel-timers', 'count-failure'] },
    // STARTING -> EXITED: a `once` run ended (it is never retried)
    finished: { to: 'EXITED', effects: ['cancel-timers'] },
    // STARTING -> STOPPING: stopped while starting
    stop: { to: 'STOPPING', effects: ['cancel-timers', 'send-stop-signal'] },
  },
  RUNNING: {
    // RUNNING -> RUNNING: a repeated start is answered with the state
    start: stay('RUNNING'),
    // RUNNING -> RUNNING: it runs already
    once: stay('RUNNING'),
    // RUNNING -> STARTING: died after start_secs; restart at once, in the exit handler
    crashed: { to: 'STARTING', effects: ['count-restart', 'spawn', 'arm-start-timer'] },
    // RUNNING -> EXITED: died and the restart policy says stay down
    finished: { to: 'EXITED', effects: [] },
    // RUNNING -> STOPPING: stop requested
    stop: { to: 'STOPPING', effects: ['send-stop-signal'] },
  },
  BACKOFF: {
    // BACKOFF -> BACKOFF: the next attempt is already scheduled
    start: stay('BACKOFF'),
    // BACKOFF -> BACKOFF: the next attempt is already scheduled
    once: stay('BACKOFF'),
    // BACKOFF -> STARTING: the backoff delay passed; try again
    'backoff-over': { to: 'STARTING', effects: ['spawn', 'arm-start-timer'] },
    // BACKOFF -> STOPPED: nothing runs, just drop the scheduled attempt
    stop: { to: 'STOPPED', effects: ['cancel-timers'] },
  },
  STOPPING: {
    // STOPPING -> STOPPING: a repeated stop waits for the same end
    stop: stay('STOPPING'),
    // STOPPING -> STOPPED: the process group is gone
    stopped: { to: 'STOPPED', effects: ['cancel-timers'] },
  },
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly state: ProgramState,
    readonly event: ProgramEvent,
  ) {
    super(`event '${event}' is not allowed in state ${state}`);
    this.name = 'IllegalTransitionError';
  }
}

/** Looks an event up in the table; an event the table does not allow throws. */
export function transition(state: ProgramState, event: ProgramEvent): Transition {
  const t = TRANSITIONS[state][event];
  if (t === undefined) throw new IllegalTransitionError(state, event);
  return t;
}

export function allows(state: ProgramState, event: ProgramEvent): boolean {
  return TRANSITIONS[state][event] !== undefined;
}

export type Autorestart = 'always' | 'unexpected' | 'never';

export interface ExitFacts {
  /** The state the program was in when its process went away. */
  state: ProgramState;
  /** `once`: this run is never restarted. */
  once: boolean;
  autorestart: Autorestart;
  exitCodes: readonly number[];
  /** null when unknown (an adopted process) or killed by a signal. */
  code: number | null;
  signal: string | null;
  /** Quick failures counted so far (before this one). */
  failures: number;
  startRetries: number;
}

/** Turns "the process went away" into the one table event that describes it. Pure. */
export function classifyExit(f: ExitFacts): ProgramEvent {
  switch (f.state) {
    case 'STOPPING':
      return 'stopped';
    case 'STARTING':
      if (f.once) return 'finished';
      return f.failures < f.startRetries ? 'exited-early' : 'gave-up';
    case 'RUNNING': {
      if (f.once || f.autorestart === 'never') return 'finished';
      if (f.autorestart === 'always') return 'crashed';
      const expected = f.signal === null && f.code !== null && f.exitCodes.includes(f.code);
      return expected ? 'finished' : 'crashed';
    }
    case 'STOPPED':
    case 'BACKOFF':
    case 'EXITED':
    case 'FATAL':
      throw new Error(`a process exited while the program was ${f.state}: it had none`);
  }
}

/** Delay before the next attempt after `failures` quick failures (1 = the first). */
export function backoffDelay(
  failures: number,
  backoff: { initialMs: number; factor: number; maxMs: number },
): number {
  const n = Math.max(0, failures - 1);
  return Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** n);
}
