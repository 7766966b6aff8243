import { posix } from 'node:path';

/** One entry of a tar archive, as far as a path check needs it. */
export interface TarEntry {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'special';
  linkname: string;
}

const BLOCK = 512;

function cString(buf: Buffer, start: number, length: number): string {
  const slice = buf.subarray(start, start + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? slice.length : end).toString('utf8');
}

function parseSize(buf: Buffer): number {
  const field = buf.subarray(124, 136);
  if (((field[0] ?? 0) & 0x80) !== 0) {
    // GNU base-256 for sizes beyond 8 GiB.
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + (field[i] ?? 0);
    return n;
  }
  const text = cString(buf, 124, 12).trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space === -1) break;
    const len = Number.parseInt(data.subarray(i, space).toString('utf8'), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const record = data.subarray(space + 1, i + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}

function typeOf(flag: string): TarEntry['type'] {
  switch (flag) {
    case '0':
    case '\0':
    case '':
    case '7':
      return 'file';
    case '5':
      return 'dir';
    case '2':
      return 'symlink';
    case '1':
      return 'hardlink';
    default:
      return 'special';
  }
}

/**
 * Reads the entries of an (uncompressed) tar stream: ustar, GNU long names (`L`/`K`) and pax
 * headers (`path`, `linkpath`), which is what GNU tar, bsdtar and npm's tar write.
 */
export async function* tarEntries(stream: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  let buf: Buffer = Buffer.alloc(0);
  let skip = 0; // data bytes (padded) still to pass over
  let collect: { kind: 'L' | 'K' | 'x'; left: number; padded: number } | undefined;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  for await (const chunk of stream) {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      if (skip > 0) {
        const n = Math.min(skip, buf.length);
        buf = buf.subarray(n);
        skip -= n;
        if (skip > 0) break;
      }
      if (collect !== undefined) {
        if (buf.length < collect.padded) break;
        const data = buf.subarray(0, collect.left);
        buf = buf.subarray(collect.padded);
        if (collect.kind === 'L') longName = cString(data, 0, data.length);
        else if (collect.kind === 'K') longLink = cString(data, 0, data.length);
        else pax = { ...pax, ...parsePax(data) };
        collect = undefined;
        continue;
      }
      if (buf.length < BLOCK) break;
      const header = buf.subarray(0, BLOCK);
      buf = buf.subarray(BLOCK);
      if (header.every((b) => b === 0)) continue; // the end blocks (or padding)
      const flag = String.fromCharCode(header[156] ?? 0);
      const size = parseSize(header);
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (flag === 'L' || flag === 'K' || flag === 'x') {
        collect = { kind: flag, left: size, padded };
        continue;
      }
      if (flag === 'g') {
        skip = padded;
        continue;
      }
      const prefix = cString(header, 345, 155);
      const base = cString(header, 0, 100);
      const name = pax['path'] ?? longName ?? (prefix !== '' ? `${prefix}/${base}` : base);
      const linkname = pax['linkpath'] ?? longLink ?? cString(header, 157, 100);
      longName = undefined;
      longLink = undefined;
      pax = {};
      skip = padded;
      yield { name, type: typeOf(flag), linkname };
    }
  }
}

function components(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/**
 * Why an archive's entries would land outside the release, or undefined if they all stay in:
 * absolute names, `..` components, links pointing out, device files, and any entry below a
 * symlink the archive itself made (through which it could reach anywhere).
 */
export function refuseEntry(entry: TarEntry, symlinks: Set<string>): string | undefined {
  const name = entry.name;
  if (name.startsWith('/')) return `absolute path '${name}'`;
  const parts = components(name);
  if (parts.includes('..')) return `'..' in '${name}'`;
  if (entry.type === 'special') return `device or FIFO '${name}'`;
  for (let i = 1; i < parts.length; i++) {
    if (symlinks.has(parts.slice(0, i).join('/'))) return `'${name}' goes through a symlink`;
  }
  const clean = parts.join('/');
  if (entry.type === 'symlink') {
    if (entry.linkname.startsWith('/')) return `symlink '${name}' points to an absolute path`;
    const target = posix.normalize(posix.join(posix.dirname(clean), entry.linkname));
    if (target === '..' || target.startsWith('../')) return `symlink '${name}' points outside`;
    symlinks.add(clean);
  }
  if (entry.type === 'hardlink') {
    const link = components(entry.linkname);
    if (entry.linkname.startsWith('/') || link.includes('..')) {
      return `hard link '${name}' points outside`;
    }
  }
  return undefined;
}
