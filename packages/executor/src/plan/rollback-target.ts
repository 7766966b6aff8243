import type { Release } from '../agents/agent-client.js';

/**
 * The release a stage rolls back to when none is named: the newest complete, good release that
 * every host has and that is older than what any host runs now — the release that was live on all
 * of them before. Undefined when there is none.
 */
export function chooseRollbackTarget(perHost: Release[][]): string | undefined {
  if (perHost.length === 0) return undefined;
  const currents = perHost
    .map((rs) => rs.find((r) => r.current)?.id)
    .filter((id): id is string => id !== undefined);
  const oldestCurrent = currents.sort()[0];
  const usable = perHost.map(
    (rs) => new Set(rs.filter((r) => r.complete && !r.bad && !r.current).map((r) => r.id)),
  );
  const [first, ...rest] = usable;
  if (!first) return undefined;
  const common = [...first].filter((id) => rest.every((s) => s.has(id)));
  return common
    .filter((id) => oldestCurrent === undefined || id < oldestCurrent)
    .sort()
    .pop();
}
