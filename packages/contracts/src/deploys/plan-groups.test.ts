import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planGroups } from './plan-groups.js';

const hosts = ['a', 'b', 'c', 'd', 'e'];

test('parallel publishes every host in one group', () => {
  assert.deepEqual(planGroups(hosts, { type: 'parallel' }), [hosts]);
});

test('groups publish limit hosts at a time, sequence one', () => {
  assert.deepEqual(planGroups(hosts, { type: 'groups', limit: 2 }), [
    ['a', 'b'],
    ['c', 'd'],
    ['e'],
  ]);
  assert.deepEqual(planGroups(hosts, { type: 'sequence' }), [['a'], ['b'], ['c'], ['d'], ['e']]);
});

test('a canary goes first, alone', () => {
  assert.deepEqual(planGroups(hosts, { type: 'parallel', canary: 1 }), [
    ['a'],
    ['b', 'c', 'd', 'e'],
  ]);
  assert.deepEqual(planGroups(['a'], { type: 'groups', limit: 3, canary: 2 }), [['a']]);
  assert.deepEqual(planGroups([], { type: 'parallel' }), []);
});
