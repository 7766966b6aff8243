import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration, formatDuration } from './duration.js';
import { parseSize } from './size.js';
import { releaseIdFromDate, nextReleaseId } from './time.js';

test('durations accept ms, s, m, h and bare milliseconds', () => {
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('10s'), 10_000);
  assert.equal(parseDuration('1.5m'), 90_000);
  assert.equal(parseDuration('2h'), 7_200_000);
  assert.equal(parseDuration(500), 500);
  assert.throws(() => parseDuration('10 parsecs'), /invalid duration/);
  assert.throws(() => parseDuration('-1s'), /invalid duration/);
  assert.equal(formatDuration(90_000), '90s');
  assert.equal(formatDuration(120_000), '2m');
});

test('sizes accept binary and decimal units', () => {
  assert.equal(parseSize('10MiB'), 10 * 1024 * 1024);
  assert.equal(parseSize('64KiB'), 65_536);
  assert.equal(parseSize('1GB'), 1e9);
  assert.equal(parseSize('512'), 512);
  assert.equal(parseSize(4096), 4096);
  assert.throws(() => parseSize('ten megs'), /invalid size/);
});

test('release ids are UTC YYYYMMDDHHMMSS and the next one is a second later', () => {
  assert.equal(releaseIdFromDate(new Date('2026-11-23T10:49:05.900Z')), '20261123104905');
  assert.equal(nextReleaseId('20261231235959'), '20270101000000');
});
