import { lstatSync, mkdirSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { coerceError, isProgramName, type Log } from '@drover/contracts';
import type { WriterRegistry } from '../writer/writer-registry.js';
import { isStream } from '../writer/stream.js';
import { FifoReader } from './fifo-reader.js';

export interface FifoIngestDeps {
  dir: string;
  writers: WriterRegistry;
  maxLine: () => number;
  readAhead: number;
  log: Log;
}

const FIFO_NAME = /^(.+)\.(out|err)$/;

/**
 * Reads every `<program>.out` / `<program>.err` FIFO in the ingest directory (the supervisor's
 * `state/fifo/`), and notices new and removed ones through fs.watch: no polling.
 */
export class FifoIngest {
  private readonly readers = new Map<string, FifoReader>();
  private watcher: FSWatcher | null = null;
  private scanQueued = false;
  private readonly ignored = new Set<string>();

  constructor(private readonly deps: FifoIngestDeps) {}

  start(): void {
    mkdirSync(this.deps.dir, { recursive: true });
    this.watcher = watch(this.deps.dir, () => this.queueScan());
    this.watcher.on('error', (err) => {
      this.deps.log.error({ err: coerceError(err), dir: this.deps.dir }, 'cannot watch ingest dir');
    });
    this.scan();
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    for (const r of this.readers.values()) r.stop();
    this.readers.clear();
  }

  /** Paths being read, for health and tests. */
  paths(): string[] {
    return [...this.readers.keys()];
  }

  private queueScan(): void {
    if (this.scanQueued || this.watcher === null) return;
    this.scanQueued = true;
    setImmediate(() => {
      this.scanQueued = false;
      if (this.watcher !== null) this.scan();
    });
  }

  private scan(): void {
    let names: string[];
    try {
      names = readdirSync(this.deps.dir);
    } catch (err) {
      this.deps.log.error({ err: coerceError(err), dir: this.deps.dir }, 'cannot read ingest dir');
      return;
    }
    for (const name of names) {
      const path = join(this.deps.dir, name);
      const m = FIFO_NAME.exec(name);
      const program = m?.[1];
      const stream = m?.[2];
      if (program === undefined || stream === undefined || !isStream(stream)) continue;
      let ino: number;
      try {
        const st = lstatSync(path);
        if (!st.isFIFO()) continue;
        ino = st.ino;
      } catch {
        continue;
      }
      if (!isProgramName(program)) {
        if (!this.ignored.has(name))
          this.deps.log.warn({ name }, 'ignoring FIFO: bad program name');
        this.ignored.add(name);
        continue;
      }
      const existing = this.readers.get(path);
      // A FIFO replaced under the same name: the old reader drains to its end on its own.
      if (existing && existing.ino === ino) continue;
      try {
        const reader = new FifoReader({
          path,
          stream,
          writer: this.deps.writers.get(program),
          maxLine: this.deps.maxLine,
          readAhead: this.deps.readAhead,
          log: this.deps.log,
        });
        reader.start();
        this.readers.set(path, reader);
        this.deps.log.info({ program, stream }, 'reading FIFO');
      } catch (err) {
        this.deps.log.error({ err: coerceError(err), path }, 'cannot open FIFO');
      }
    }
  }
}
