import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROGRAM_STATES, type ProgramState } from './states.js';
import {
  IllegalTransitionError,
  PROGRAM_EVENTS,
  TRANSITIONS,
  backoffDelay,
  classifyExit,
  transition,
  type Effect,
  type ExitFacts,
  type ProgramEvent,
} from './transitions.js';

/** Every allowed transition, written out: a change to the table must change this list. */
const EXPECTED: [ProgramState, ProgramEvent, ProgramState, Effect[]][] = [
  ['STOPPED', 'start', 'STARTING', ['reset-failures', 'spawn', 'arm-start-timer']],
  ['STOPPED', 'once', 'STARTING', ['reset-failures', 'spawn', 'arm-start-timer']],
  ['STOPPED', 'stop', 'STOPPED', []],
  ['STOPPED', 'adopted', 'RUNNING', []],
  ['EXITED', 'start', 'STARTING', ['reset-failures', 'spawn', 'arm-start-timer']],
  ['EXITED', 'once', 'STARTING', ['reset-failures', 'spawn', 'arm-start-timer']],
  ['EXITED', 'stop', 'EXITED', []],
  ['EXITED', 'adopted', 'RUNNING', []],
  ['FATAL', 'start', 'STARTING', ['reset-failures', 'spawn', 'arm-start-timer']],
  ['FATAL', 'once', 'STARTING', ['reset-failures', 'spawn', 'arm-start-timer']],
  ['FATAL', 'stop', 'FATAL', []],
  ['FATAL', 'adopted', 'RUNNING', []],
  ['STARTING', 'start', 'STARTING', []],
  ['STARTING', 'once', 'STARTING', []],
  ['STARTING', 'started', 'RUNNING', ['reset-failures']],
  ['STARTING', 'exited-early', 'BACKOFF', ['cancel-timers', 'count-failure', 'arm-backoff-timer']],
  ['STARTING', 'gave-up', 'FATAL', ['cancel-timers', 'count-failure']],
  ['STARTING', 'finished', 'EXITED', ['cancel-timers']],
  ['STARTING', 'stop', 'STOPPING', ['cancel-timers', 'send-stop-signal']],
  ['RUNNING', 'start', 'RUNNING', []],
  ['RUNNING', 'once', 'RUNNING', []],
  ['RUNNING', 'crashed', 'STARTING', ['count-restart', 'spawn', 'arm-start-timer']],
  ['RUNNING', 'finished', 'EXITED', []],
  ['RUNNING', 'stop', 'STOPPING', ['send-stop-signal']],
  ['BACKOFF', 'start', 'BACKOFF', []],
  ['BACKOFF', 'once', 'BACKOFF', []],
  ['BACKOFF', 'backoff-over', 'STARTING', ['spawn', 'arm-start-timer']],
  ['BACKOFF', 'stop', 'STOPPED', ['cancel-timers']],
  ['STOPPING', 'stop', 'STOPPING', []],
  ['STOPPING', 'stopped', 'STOPPED', ['cancel-timers']],
];

describe('transition table', () => {
  for (const [from, event, to, effects] of EXPECTED) {
    it(`${from} --${event}--> ${to}`, () => {
      const t = transition(from, event);
      assert.equal(t.to, to);
      assert.deepEqual([...t.effects], effects);
    });
  }

  it('rejects every pair the table does not list, as an error', () => {
    const allowed = new Set(EXPECTED.map(([s, e]) => `${s}/${e}`));
    let rejected = 0;
    for (const state of PROGRAM_STATES) {
      for (const event of PROGRAM_EVENTS) {
        if (allowed.has(`${state}/${event}`)) continue;
        assert.throws(() => transition(state, event), IllegalTransitionError, `${state}/${event}`);
        rejected += 1;
      }
    }
    assert.equal(rejected, PROGRAM_STATES.length * PROGRAM_EVENTS.length - EXPECTED.length);
  });

  it('lists exactly the expected transitions', () => {
    const count = PROGRAM_STATES.reduce((n, s) => n + Object.keys(TRANSITIONS[s]).length, 0);
    assert.equal(count, EXPECTED.length);
  });

  it('spawns before anything slow on a crash restart', () => {
    const effects = transition('RUNNING', 'crashed').effects;
    assert.ok(effects.indexOf('spawn') < effects.indexOf('arm-start-timer'));
  });
});

describe('classifyExit', () => {
  const base: ExitFacts = {
    state: 'RUNNING',
    once: false,
    autorestart: 'unexpected',
    exitCodes: [0],
    code: 0,
    signal: null,
    failures: 0,
    startRetries: 3,
  };
  const cases: [string, Partial<ExitFacts>, ProgramEvent][] = [
    ['a stop ends', { state: 'STOPPING' }, 'stopped'],
    ['early exit with retries left', { state: 'STARTING', failures: 2 }, 'exited-early'],
    ['early exit without retries left', { state: 'STARTING', failures: 3 }, 'gave-up'],
    ['start_retries 0 gives up at once', { state: 'STARTING', startRetries: 0 }, 'gave-up'],
    ['a once run that ends while starting', { state: 'STARTING', once: true }, 'finished'],
    ['expected code with unexpected', { code: 0 }, 'finished'],
    ['unexpected code with unexpected', { code: 3 }, 'crashed'],
    ['killed by a signal', { code: null, signal: 'SIGKILL' }, 'crashed'],
    ['unknown status (adopted)', { code: null }, 'crashed'],
    ['always restarts a clean exit', { autorestart: 'always' }, 'crashed'],
    ['never restarts a crash', { autorestart: 'never', code: 9 }, 'finished'],
    ['once never restarts', { once: true, code: 9 }, 'finished'],
    ['listed non-zero codes are expected', { exitCodes: [0, 2], code: 2 }, 'finished'],
  ];
  for (const [what, facts, event] of cases) {
    it(what, () => assert.equal(classifyExit({ ...base, ...facts }), event));
  }
  it('refuses an exit in a state without a process', () => {
    for (const state of ['STOPPED', 'BACKOFF', 'EXITED', 'FATAL'] as const) {
      assert.throws(() => classifyExit({ ...base, state }));
    }
  });
});

describe('backoffDelay', () => {
  const b = { initialMs: 1000, factor: 2, maxMs: 60_000 };
  it('grows by the factor from the initial delay up to the max', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 7, 8].map((n) => backoffDelay(n, b)),
      [1000, 2000, 4000, 8000, 60_000, 60_000],
    );
  });
});
