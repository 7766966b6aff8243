import { DroverError } from '@drover/contracts';

/** The logger's own error catalogue: stable code, HTTP status, title. */
export const loggerErrors = {
  programNotFound: (program: string) =>
    new DroverError('program-not-found', 404, 'No such program', {
      detail: `no log for program '${program}'`,
    }),
  bufferFull: (program: string, bufferedBytes: number) =>
    new DroverError('buffer-full', 503, 'Log buffer is full', {
      detail: `program '${program}' has ${bufferedBytes} bytes waiting to be written; nothing was accepted, retry later`,
    }),
  stopping: () =>
    new DroverError('stopping', 503, 'Logger is stopping', {
      detail: 'the logger is shutting down; nothing was accepted, retry later',
    }),
  notWritten: (program: string) =>
    new DroverError('not-written', 503, 'Lines were not written', {
      detail: `the logger stopped before every line for '${program}' was written (disk failing)`,
    }),
  lockHeld: (lockPath: string) =>
    new DroverError('lock-held', 409, 'Another logger holds the lock', {
      detail: `another logger is running on this root (lock ${lockPath})`,
    }),
  badTime: (field: string, value: string) =>
    new DroverError('validation', 400, 'Request is not valid', {
      detail: `${field} '${value}' is not an RFC 3339 time`,
      errors: [{ path: field, message: 'is not an RFC 3339 time' }],
    }),
  followUntil: () =>
    new DroverError('validation', 400, 'Request is not valid', {
      detail: 'until cannot be combined with follow',
      errors: [{ path: 'until', message: 'cannot be combined with follow' }],
    }),
} as const;
