import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '@drover/contracts/testing';
import { refuseEntry, tarEntries, type TarEntry } from './tar-entries.js';

const file = (name: string): TarEntry => ({ name, type: 'file', linkname: '' });
const link = (name: string, to: string): TarEntry => ({ name, type: 'symlink', linkname: to });

describe('tar entries', () => {
  it('reads names from ustar, GNU long names and pax headers', async () => {
    const dir = tempDir('drover-tar-');
    try {
      // 120 + 1 + 20 characters: ustar splits it into prefix + name, gnu and pax use their own.
      const dirName = 'd'.repeat(120);
      const long = `${dirName}/${'f'.repeat(20)}`;
      mkdirSync(join(dir.path, 'c', dirName), { recursive: true });
      writeFileSync(join(dir.path, 'c', long), 'x');
      for (const format of ['gnu', 'pax', 'ustar']) {
        const tar = join(dir.path, `${format}.tar`);
        execFileSync('tar', ['-cf', tar, `--format=${format}`, '-C', join(dir.path, 'c'), long]);
        const names: string[] = [];
        for await (const e of tarEntries(createReadStream(tar))) names.push(e.name);
        assert.deepEqual(names, [long], format);
      }
    } finally {
      dir.remove();
    }
  });

  it('refuses absolute names, .., devices, links pointing out, paths through links', () => {
    const check = (entries: TarEntry[]) => {
      const seen = new Set<string>();
      for (const e of entries) {
        const why = refuseEntry(e, seen);
        if (why !== undefined) return why;
      }
      return undefined;
    };
    assert.equal(
      check([file('./a'), file('b/c'), link('l', 'b/c'), link('b/up', '../a')]),
      undefined,
    );
    assert.match(check([file('/etc/passwd')]) ?? '', /absolute/);
    assert.match(check([file('a/../../x')]) ?? '', /'\.\.'/);
    assert.match(check([{ name: 'dev', type: 'special', linkname: '' }]) ?? '', /device/);
    assert.match(check([link('l', '../../etc')]) ?? '', /points outside/);
    assert.match(check([link('l', '/etc')]) ?? '', /absolute/);
    assert.match(check([link('l', '.'), link('l/s', '..')]) ?? '', /through a symlink/);
    assert.match(
      check([{ name: 'h', type: 'hardlink', linkname: '../x' }]) ?? '',
      /hard link 'h' points outside/,
    );
  });
});
