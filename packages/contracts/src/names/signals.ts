/** The signals a program may be sent or stopped with (svc's and supervisorctl's set). */
export const PROGRAM_SIGNALS = [
  'HUP',
  'INT',
  'TERM',
  'KILL',
  'USR1',
  'USR2',
  'QUIT',
  'CONT',
  'STOP',
  'ALRM',
  'WINCH',
] as const;
export type ProgramSignal = (typeof PROGRAM_SIGNALS)[number];
