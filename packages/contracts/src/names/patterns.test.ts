import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertName, isName, isProgramName, isReleaseId } from './patterns.js';
import { DroverError } from '../errors/drover-error.js';

test('names are lower-case, start alphanumeric, at most 63 characters', () => {
  assert.ok(isName('web-1'));
  assert.ok(isName('a_b'));
  assert.ok(!isName('Web'));
  assert.ok(!isName('-web'));
  assert.ok(!isName('../etc'));
  assert.ok(!isName('a'.repeat(64)));
  assert.throws(
    () => assertName('a/b', 'app'),
    (e: unknown) => e instanceof DroverError && e.status === 400,
  );
});

test('program names allow dots but never a path', () => {
  assert.ok(isProgramName('hello.web.1'));
  assert.ok(!isProgramName('..'));
  assert.ok(!isProgramName('a/b'));
  assert.ok(!isProgramName('.hidden'));
});

test('release ids are fourteen digits', () => {
  assert.ok(isReleaseId('20261123104905'));
  assert.ok(!isReleaseId('2026112310490'));
  assert.ok(!isReleaseId('2026112310490x'));
});
