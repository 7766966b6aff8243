import { pino, type Logger, type DestinationStream } from 'pino';

export type Log = Logger;

/**
 * drover's own logs: pino JSON lines on stdout. Values under these keys are never written,
 * whatever a caller puts there.
 */
export function createLog(
  name: string,
  options: { level?: string; destination?: DestinationStream } = {},
): Log {
  return pino(
    {
      name,
      level: options.level ?? 'info',
      redact: {
        paths: [
          'secrets',
          '*.secrets',
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
