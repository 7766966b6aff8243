import type { Strategy } from './deploy-record.js';

/**
 * The order in which a strategy publishes hosts: `canary` hosts first (alone), then all at once
 * (`parallel`), `limit` at a time (`groups`), or one by one (`sequence`). Pure, so the scheduler's
 * dry run and the executor agree.
 */
export function planGroups(hosts: readonly string[], strategy: Strategy): string[][] {
  const groups: string[][] = [];
  const canary = Math.min(strategy.canary ?? 0, hosts.length);
  if (canary > 0) groups.push(hosts.slice(0, canary));
  const rest = hosts.slice(canary);
  if (rest.length === 0) return groups;
  const size =
    strategy.type === 'parallel'
      ? rest.length
      : strategy.type === 'sequence'
        ? 1
        : Math.max(1, strategy.limit ?? 1);
  for (let i = 0; i < rest.length; i += size) groups.push(rest.slice(i, i + size));
  return groups;
}
