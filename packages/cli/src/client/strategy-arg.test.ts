import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidArgumentError } from 'commander';
import { parseStrategyArg } from './strategy-arg.js';

test('a strategy flag becomes the API object', () => {
  assert.deepEqual(parseStrategyArg('parallel'), { type: 'parallel' });
  assert.deepEqual(parseStrategyArg('groups,limit=2,wait=5s,canary=1,auto_revert=false'), {
    type: 'groups',
    limit: 2,
    wait: '5s',
    canary: 1,
    auto_revert: false,
  });
  assert.deepEqual(parseStrategyArg('sequence, wait=250ms'), { type: 'sequence', wait: '250ms' });
});

test('a bad strategy flag is a usage error', () => {
  for (const bad of ['rolling', 'groups,limit=0', 'groups,wait=soon', 'sequence,speed=3', '']) {
    assert.throws(() => parseStrategyArg(bad), InvalidArgumentError, bad);
  }
});
