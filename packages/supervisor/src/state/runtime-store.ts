import { join } from 'node:path';
import { readJsonFile, writeFileAtomic } from './atomic-file.js';

export type Desired = 'up' | 'down' | 'once';

/** What must survive a supervisor restart about one program. */
export interface RuntimeRecord {
  desired: Desired;
  pid?: number;
  /** /proc start time of `pid`: a pid whose start time differs is another process. */
  startTicks?: number;
  startedAt?: string;
  ready?: boolean;
}

/**
 * `<root>/state/runtime.json`: desired state (up/down/once) and live pids with their start times.
 * Written whole and atomically; a change of desired state is written at once, pid changes are
 * coalesced to one write per turn of the event loop so a restart's spawn is not delayed by I/O.
 */
export class RuntimeStore {
  readonly file: string;
  private records: Record<string, RuntimeRecord> = {};

  constructor(stateDir: string) {
    this.file = join(stateDir, 'runtime.json');
  }

  load(): Record<string, RuntimeRecord> {
    const value = readJsonFile(this.file);
    this.records =
      value !== undefined && typeof value === 'object' && value !== null
        ? { ...(value as Record<string, RuntimeRecord>) }
        : {};
    return { ...this.records };
  }

  get(name: string): RuntimeRecord | undefined {
    return this.records[name];
  }

  set(name: string, record: RuntimeRecord): void {
    this.records[name] = record;
  }

  delete(name: string): void {
    delete this.records[name];
  }

  flush(): void {
    writeFileAtomic(this.file, JSON.stringify(this.records));
  }
}
