import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canonicalTimestamp,
  createClock,
  formatMicros,
  TIMESTAMP_LENGTH,
} from './timestamp-clock.js';

test('timestamps are RFC 3339 UTC with microseconds, fixed width', () => {
  assert.equal(
    formatMicros(Date.UTC(2026, 10, 23, 10, 49, 5) * 1000 + 7),
    '2026-11-23T10:49:05.000007Z',
  );
  assert.equal(
    formatMicros(Date.UTC(2026, 10, 23, 10, 49, 5) * 1000 + 999_999).length,
    TIMESTAMP_LENGTH,
  );
});

test('the clock never repeats or goes back, even when the wall clock steps back', () => {
  let wall = 1_000_000;
  const clock = createClock(() => wall);
  const a = clock.next();
  wall -= 5000;
  const b = clock.next();
  const c = clock.next();
  assert.ok(b > a && c > b);
});

test('any RFC 3339 time becomes the canonical form', () => {
  assert.equal(canonicalTimestamp('2026-11-23T12:49:05.5+02:00'), '2026-11-23T10:49:05.500000Z');
  assert.equal(canonicalTimestamp('2026-11-23T10:49:05Z'), '2026-11-23T10:49:05.000000Z');
  assert.equal(canonicalTimestamp('2026-11-23t10:49:05.1234567z'), '2026-11-23T10:49:05.123456Z');
  assert.equal(canonicalTimestamp('yesterday'), undefined);
});
