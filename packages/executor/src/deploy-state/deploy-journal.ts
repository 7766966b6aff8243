import type { Redis } from 'ioredis';
import {
  DEFAULT_DEPLOY_RETENTION_MS,
  FINAL_LOG_FIELD,
  type DeployKeys,
  type DeployRecord,
  type DeploySpec,
  type DeployState,
  type DeployStatus,
} from '@drover/contracts';

/**
 * The executor's view of one deploy in Redis: reads the record, saves its state after every step
 * (so a successor resumes from there), appends log lines, and closes it with a final line.
 */
export function createDeployJournal(redis: Redis, keys: DeployKeys) {
  return {
    async load(id: string): Promise<(DeployRecord & { final: string | null }) | undefined> {
      const [spec, state, final] = await redis.hmget(keys.deploy(id), 'spec', 'state', 'final');
      if (spec === null || spec === undefined || state === null || state === undefined)
        return undefined;
      return {
        spec: JSON.parse(spec) as DeploySpec,
        state: JSON.parse(state) as DeployState,
        final: final ?? null,
      };
    },
    async save(id: string, state: DeployState): Promise<void> {
      await redis.hset(keys.deploy(id), 'state', JSON.stringify(state));
    },
    async cancelRequestedBy(id: string): Promise<string | null> {
      return redis.hget(keys.deploy(id), 'cancel');
    },
    async log(id: string, line: string): Promise<void> {
      await redis.xadd(keys.log(id), '*', 'line', line);
    },
    async finish(spec: DeploySpec, state: DeployState, line: string): Promise<void> {
      const id = spec.id;
      const keep = spec.retention_ms ?? DEFAULT_DEPLOY_RETENTION_MS;
      await redis
        .multi()
        .hset(keys.deploy(id), 'state', JSON.stringify(state), 'final', state.status)
        .xadd(keys.log(id), '*', 'line', line, FINAL_LOG_FIELD, state.status)
        .pexpire(keys.deploy(id), keep)
        .pexpire(keys.log(id), keep)
        .hincrby(keys.metrics, `deploys_${state.status}`, 1)
        .exec();
    },
    async countPhase(phase: string, seconds: number): Promise<void> {
      await redis
        .multi()
        .hincrbyfloat(keys.metrics, `phase_${phase}_seconds_sum`, seconds)
        .hincrby(keys.metrics, `phase_${phase}_count`, 1)
        .exec();
    },
    async countLockWait(): Promise<void> {
      await redis.hincrby(keys.metrics, 'lock_waits', 1);
    },
  };
}

export type DeployJournal = ReturnType<typeof createDeployJournal>;
export type { DeployStatus };
