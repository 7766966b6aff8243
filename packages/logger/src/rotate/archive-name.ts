import { formatMicros } from '../clock/timestamp-clock.js';

export const CURRENT_FILE = 'current';

/** An archive of a program's log: `@<UTC YYYYMMDDTHHMMSS.ffffffZ>.log[.gz]`. */
export interface ArchiveName {
  /** The name without `.log`/`.log.gz`, e.g. `@20261123T104905.123456Z`. */
  base: string;
  file: string;
  compressed: boolean;
  /** The rotation time in the log's own 27-byte timestamp form: every line inside is older. */
  stamp: string;
}

const ARCHIVE = /^@(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{6})Z\.log(\.gz)?$/;

export function archiveBase(micros: number): string {
  const t = formatMicros(micros);
  return `@${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}T${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 26)}Z`;
}

export function parseArchiveName(file: string): ArchiveName | undefined {
  const m = ARCHIVE.exec(file);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, us, gz] = m;
  return {
    base: file.slice(0, file.indexOf('.log')),
    file,
    compressed: gz !== undefined,
    stamp: `${y}-${mo}-${d}T${h}:${mi}:${s}.${us}Z`,
  };
}
