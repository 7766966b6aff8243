import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '@drover/contracts/testing';
import { loadLoggerConfig, rotatePolicyFor } from './logger-config.js';

const sha = 'a'.repeat(64);

test('defaults, units and per-program overrides', () => {
  const tmp = tempDir();
  const file = join(tmp.path, 'logger.yaml');
  writeFileSync(
    file,
    `root: logs\ntoken_sha256: ${sha}\nprograms:\n  web.1:\n    rotate: { keep: 20, max_age: 1h }\n`,
  );
  const c = loadLoggerConfig(file);
  assert.equal(c.listen, '127.0.0.1:7702');
  assert.equal(c.root, join(tmp.path, 'logs'));
  assert.equal(c.maxLine, 65536);
  assert.deepEqual(c.rotate, {
    maxBytes: 10 * 1024 * 1024,
    keep: 5,
    maxAgeMs: null,
    compress: false,
  });
  assert.deepEqual(rotatePolicyFor(c, 'web.1'), {
    maxBytes: 10 * 1024 * 1024,
    keep: 20,
    maxAgeMs: 3_600_000,
    compress: false,
  });
  tmp.remove();
});

test('a bad field is named by its path', () => {
  const tmp = tempDir();
  const file = join(tmp.path, 'logger.yaml');
  writeFileSync(file, `root: logs\ntoken_sha256: ${sha}\nrotate: { keep: -1 }\n`);
  assert.throws(() => loadLoggerConfig(file), /rotate\.keep/);
  writeFileSync(file, `root: logs\ntoken_sha256: ${sha}\nprograms:\n  ../x: {}\n`);
  assert.throws(() => loadLoggerConfig(file), /programs/);
  tmp.remove();
});
