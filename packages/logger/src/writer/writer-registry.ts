import { join } from 'node:path';
import { assertProgramName, type Log } from '@drover/contracts';
import type { Clock } from '../clock/timestamp-clock.js';
import { rotatePolicyFor, type LoggerConfig } from '../config/logger-config.js';
import type { LoggerMetrics } from '../metrics/logger-metrics.js';
import type { LogFs } from '../storage/log-fs.js';
import { ProgramWriter } from './program-writer.js';

export interface WriterRegistryDeps {
  config: () => LoggerConfig;
  clock: Clock;
  fs: LogFs;
  log: Log;
  metrics: LoggerMetrics;
}

/** One writer per program, made on first use and shared by every ingest path and reader. */
export class WriterRegistry {
  private readonly writers = new Map<string, ProgramWriter>();

  constructor(private readonly deps: WriterRegistryDeps) {
    deps.metrics.setBufferedSource(() =>
      [...this.writers.values()].map((w): [string, number] => [w.program, w.pending]),
    );
  }

  /** The writer of `program` (validated: no name can leave `root`). */
  get(program: string): ProgramWriter {
    const existing = this.writers.get(program);
    if (existing) return existing;
    assertProgramName(program);
    const deps = this.deps;
    const writer = new ProgramWriter({
      program,
      dir: join(deps.config().root, program),
      policy: () => rotatePolicyFor(deps.config(), program),
      maxLine: () => deps.config().maxLine,
      retryMs: () => deps.config().retryMs,
      clock: deps.clock,
      fs: deps.fs,
      log: deps.log,
      metrics: deps.metrics.forProgram(program),
    });
    this.writers.set(program, writer);
    return writer;
  }

  find(program: string): ProgramWriter | undefined {
    return this.writers.get(program);
  }

  all(): ProgramWriter[] {
    return [...this.writers.values()];
  }

  /** Why some writers cannot write, by program. */
  degraded(): { program: string; reason: string }[] {
    return this.all().flatMap((w) =>
      w.degraded === null ? [] : [{ program: w.program, reason: w.degraded }],
    );
  }

  async rotateAll(): Promise<void> {
    await Promise.all(this.all().map((w) => w.rotate()));
  }

  policyChanged(): void {
    for (const w of this.writers.values()) w.policyChanged();
  }

  /**
   * Writes everything accepted, waiting at most `timeoutMs` (a full disk may never recover), then
   * closes every file. Returns the bytes that could not be written.
   */
  async close(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const flushed = Promise.all(this.all().map((w) => w.flush())).then(() => 'flushed' as const);
    const outcome = await Promise.race([flushed, timedOut]);
    clearTimeout(timer);
    let dropped = 0;
    if (outcome === 'timeout') for (const w of this.all()) dropped += w.abort();
    await Promise.all(this.all().map((w) => w.close()));
    return dropped;
  }
}
