import { Counter, Gauge, Registry } from 'prom-client';

/** What one program's writer reports; bound to the program's label once. */
export interface WriterMetrics {
  linesWritten(n: number): void;
  bytesWritten(n: number): void;
  rotated(): void;
  dropped(bytes: number): void;
  writeFailed(code: string): void;
}

export interface LoggerMetrics {
  registry: Registry;
  forProgram(program: string): WriterMetrics;
  /** Called at scrape time for the buffered-bytes gauge: no timer runs between scrapes. */
  setBufferedSource(source: () => Iterable<[program: string, bytes: number]>): void;
}

/**
 * The logger's Prometheus metrics, in their own registry and without prom-client's default
 * collectors (their event-loop timer would wake an idle logger hundreds of times a second).
 */
export function createLoggerMetrics(): LoggerMetrics {
  const registry = new Registry();
  const labelNames = ['program'] as const;
  const lines = new Counter({
    name: 'drover_logger_lines_written_total',
    help: 'Log lines written to disk.',
    labelNames,
    registers: [registry],
  });
  const bytes = new Counter({
    name: 'drover_logger_bytes_written_total',
    help: 'Bytes written to disk, timestamps included.',
    labelNames,
    registers: [registry],
  });
  const rotations = new Counter({
    name: 'drover_logger_rotations_total',
    help: 'Rotations of current into an archive.',
    labelNames,
    registers: [registry],
  });
  const dropped = new Counter({
    name: 'drover_logger_dropped_bytes_total',
    help: 'Accepted bytes that were never written (only when a stop times out on a failing disk).',
    labelNames,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'drover_logger_write_errors_total',
    help: 'Failed file operations, by errno code.',
    labelNames: ['program', 'code'] as const,
    registers: [registry],
  });
  let bufferedSource: () => Iterable<[string, number]> = () => [];
  new Gauge({
    name: 'drover_logger_buffered_bytes',
    help: 'Bytes accepted but not yet written.',
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const [program, n] of bufferedSource()) this.set({ program }, n);
    },
  });
  return {
    registry,
    setBufferedSource(source) {
      bufferedSource = source;
    },
    forProgram(program) {
      const l = lines.labels(program);
      const b = bytes.labels(program);
      const r = rotations.labels(program);
      const d = dropped.labels(program);
      // Touch the counters so a scrape shows them at 0 before anything happens.
      d.inc(0);
      return {
        linesWritten: (n) => l.inc(n),
        bytesWritten: (n) => b.inc(n),
        rotated: () => r.inc(),
        dropped: (n) => d.inc(n),
        writeFailed: (code) => errors.labels(program, code).inc(),
      };
    },
  };
}
