import type { ProgramState } from './states.js';

export interface HistoryEntry {
  at: string;
  from: ProgramState;
  to: ProgramState;
  event: string;
  reason: string;
}

/** The last `size` transitions of one program, oldest first. */
export class History {
  private readonly entries: HistoryEntry[] = [];

  constructor(private readonly size: number) {}

  push(entry: HistoryEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.shift();
  }

  list(): HistoryEntry[] {
    return [...this.entries];
  }
}
