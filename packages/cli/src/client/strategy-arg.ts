import { InvalidArgumentError } from 'commander';
import type { SchedulerApi } from '@drover/contracts';

type Strategy = SchedulerApi.components['schemas']['Strategy'];

const TYPES = ['parallel', 'groups', 'sequence'] as const;
const DURATION = /^\d+(\.\d+)?(ms|s|m|h)$/;

function count(key: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new InvalidArgumentError(`${key} must be an integer >= ${min}, not '${value}'`);
  }
  return Number(value);
}

/**
 * `--strategy TYPE[,key=value…]`, e.g. `sequence,wait=10s` or `groups,limit=2,canary=1`:
 * one flag for the whole Strategy object, keys as the API names them.
 */
export function parseStrategyArg(text: string): Strategy {
  const [type, ...pairs] = text.split(',').map((s) => s.trim());
  const known = TYPES.find((t) => t === type);
  if (known === undefined) {
    throw new InvalidArgumentError(`strategy type must be one of ${TYPES.join(', ')}`);
  }
  const strategy: Strategy = { type: known };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    switch (key) {
      case 'limit':
        strategy.limit = count(key, value, 1);
        break;
      case 'canary':
        strategy.canary = count(key, value, 0);
        break;
      case 'wait':
        if (!DURATION.test(value)) {
          throw new InvalidArgumentError(`wait must be a duration such as 10s, not '${value}'`);
        }
        strategy.wait = value;
        break;
      case 'auto_revert':
        if (value !== 'true' && value !== 'false') {
          throw new InvalidArgumentError('auto_revert must be true or false');
        }
        strategy.auto_revert = value === 'true';
        break;
      default:
        throw new InvalidArgumentError(
          `unknown strategy key '${key}' (limit, wait, canary, auto_revert)`,
        );
    }
  }
  return strategy;
}
