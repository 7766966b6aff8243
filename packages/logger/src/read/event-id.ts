import { TIMESTAMP_LENGTH } from '../clock/timestamp-clock.js';
import { lineStamp } from './log-line.js';

/**
 * SSE event ids: `<timestamp>#<n>`, the n-th line carrying that timestamp. Every batch of lines
 * gets its own strictly increasing timestamp, so the pair names one line for good: across
 * rotations, compression and logger restarts. A client resumes with `Last-Event-ID`.
 */
export interface EventId {
  stamp: string;
  index: number;
}

export function parseEventId(value: string): EventId | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)#(\d{1,9})$/.exec(value);
  if (!m?.[1] || m[2] === undefined || m[1].length !== TIMESTAMP_LENGTH) return undefined;
  return { stamp: m[1], index: Number(m[2]) };
}

/** Numbers lines as they pass, in file order (every line, matching or not). */
export class EventIdCounter {
  private stamp = '';
  private index = 0;

  next(line: string): string {
    const ts = lineStamp(line);
    if (ts === this.stamp) this.index++;
    else {
      this.stamp = ts;
      this.index = 0;
    }
    return `${ts}#${this.index}`;
  }

  /** Whether the line just numbered comes after `id`. */
  isAfter(id: EventId): boolean {
    return this.stamp > id.stamp || (this.stamp === id.stamp && this.index > id.index);
  }
}
