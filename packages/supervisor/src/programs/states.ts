/** supervisord's process states. This file imports nothing: it is the vocabulary. */
export const PROGRAM_STATES = [
  'STOPPED',
  'STARTING',
  'RUNNING',
  'BACKOFF',
  'STOPPING',
  'EXITED',
  'FATAL',
] as const;

export type ProgramState = (typeof PROGRAM_STATES)[number];

/** States in which a process of the program exists. */
export const PROCESS_STATES: readonly ProgramState[] = ['STARTING', 'RUNNING', 'STOPPING'];

/** States in which nothing runs and nothing is scheduled. */
export const RESTING_STATES: readonly ProgramState[] = ['STOPPED', 'EXITED', 'FATAL'];

export function hasProcess(state: ProgramState): boolean {
  return PROCESS_STATES.includes(state);
}

export function isResting(state: ProgramState): boolean {
  return RESTING_STATES.includes(state);
}
