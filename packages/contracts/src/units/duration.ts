const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/**
 * Parses `250ms`, `10s`, `1.5m`, `2h` into milliseconds. A bare number is taken as milliseconds,
 * so YAML that says `stop_timeout: 500` means what a JavaScript user expects.
 */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`invalid duration ${value}`);
    return value;
  }
  const m = DURATION.exec(value.trim());
  const unit = m?.[2];
  if (!m || unit === undefined) {
    throw new RangeError(`invalid duration '${value}' (use ms, s, m or h, e.g. 250ms, 10s, 5m)`);
  }
  return Math.round(Number(m[1]) * (UNIT_MS[unit] ?? 1));
}

export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0 && ms > 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
