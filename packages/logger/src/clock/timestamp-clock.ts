/**
 * Wall-clock microseconds that never go backwards, and their RFC 3339 form. The time comes from
 * process.hrtime (cheap, monotonic) anchored to Date.now(); it is re-anchored when the two drift
 * apart by more than 2 ms (NTP steps), and clamped so a step back never reorders a log.
 */
export interface Clock {
  /** Microseconds since the epoch, strictly greater than any earlier answer of this clock. */
  next(): number;
}

export function createClock(now: () => number = Date.now): Clock {
  let anchorMs = now();
  let anchorHr = process.hrtime.bigint();
  let last = 0;
  return {
    next() {
      const hr = process.hrtime.bigint();
      let micros = anchorMs * 1000 + Number((hr - anchorHr) / 1000n);
      const wall = now();
      if (Math.abs(micros / 1000 - wall) > 2) {
        anchorMs = wall;
        anchorHr = hr;
        micros = wall * 1000;
      }
      last = micros > last ? micros : last + 1;
      return last;
    },
  };
}

let cachedSecond = -1;
let cachedPrefix = '';

/** `2026-11-23T10:49:05.123456Z`: fixed width (27 bytes), so text order is time order. */
export function formatMicros(micros: number): string {
  const second = Math.floor(micros / 1e6);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 20);
  }
  const frac = micros - second * 1e6;
  return cachedPrefix + (frac + 1e6).toString().slice(1) + 'Z';
}

/** Width of a formatted timestamp. */
export const TIMESTAMP_LENGTH = 27;

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})$/;

/**
 * Parses any RFC 3339 time into the logger's canonical 27-byte UTC form (microsecond precision;
 * finer digits are cut), or undefined when it is not one.
 */
export function canonicalTimestamp(value: string): string | undefined {
  const m = RFC3339.exec(value.trim());
  if (!m) return undefined;
  const [, date, time, frac = '', zone = 'Z'] = m;
  const ms = Date.parse(`${date}T${time}${zone.toUpperCase()}`);
  if (Number.isNaN(ms)) return undefined;
  const micros = Number((frac + '000000').slice(0, 6));
  return formatMicros(ms * 1000 + micros);
}
