const UNIT_BYTES: Record<string, number> = {
  b: 1,
  k: 1000,
  kb: 1000,
  m: 1000 ** 2,
  mb: 1000 ** 2,
  g: 1000 ** 3,
  gb: 1000 ** 3,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};
const SIZE = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i;

/** Parses `10MiB`, `64KiB`, `1GB`, `512` (bytes) into a byte count. */
export function parseSize(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`invalid size ${value}`);
    return Math.floor(value);
  }
  const m = SIZE.exec(value.trim());
  const unit = (m?.[2] ?? '').toLowerCase() || 'b';
  const factor = UNIT_BYTES[unit];
  if (!m || factor === undefined) {
    throw new RangeError(`invalid size '${value}' (e.g. 512, 64KiB, 10MiB, 1GB)`);
  }
  return Math.floor(Number(m[1]) * factor);
}
