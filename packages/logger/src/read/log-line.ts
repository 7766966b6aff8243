import { TIMESTAMP_LENGTH } from '../clock/timestamp-clock.js';
import type { Stream } from '../writer/stream.js';

/** What a reader asks for; times are canonical 27-byte timestamps. */
export interface LineFilter {
  since?: string;
  until?: string;
  grep?: string;
  stream?: Stream;
}

/** `<timestamp> <out|err>[+] <text>` */
export function lineStamp(line: string): string {
  return line.slice(0, TIMESTAMP_LENGTH);
}

function lineStream(line: string): string {
  return line.slice(TIMESTAMP_LENGTH + 1, TIMESTAMP_LENGTH + 4);
}

function lineText(line: string): string {
  const space = line.indexOf(' ', TIMESTAMP_LENGTH + 1);
  return space === -1 ? '' : line.slice(space + 1);
}

/** Whether a line passes the filter (time bounds inclusive; grep is a plain substring). */
export function matches(line: string, f: LineFilter): boolean {
  if (f.since !== undefined || f.until !== undefined) {
    const ts = lineStamp(line);
    if (f.since !== undefined && ts < f.since) return false;
    if (f.until !== undefined && ts > f.until) return false;
  }
  if (f.stream !== undefined && lineStream(line) !== f.stream) return false;
  if (f.grep !== undefined && !lineText(line).includes(f.grep)) return false;
  return true;
}
