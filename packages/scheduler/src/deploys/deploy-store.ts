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

// Cancels a deploy no executor has started (it owns its state from then on); otherwise records
// the request, which the executor honours after its running step.
const CANCEL_SCRIPT = `
if redis.call('HEXISTS', KEYS[1], 'final') == 1 then return 'final' end
if redis.call('HEXISTS', KEYS[1], 'started') == 0 then
  redis.call('HSET', KEYS[1], 'state', ARGV[2], 'final', 'cancelled', 'cancel', ARGV[1])
  redis.call('LREM', KEYS[2], 0, ARGV[3])
  return 'cancelled'
end
redis.call('HSET', KEYS[1], 'cancel', ARGV[1])
return 'requested'
`;

export interface StoredDeploy extends DeployRecord {
  cancel_requested_by?: string;
}

export function createDeployStore(redis: Redis, keys: DeployKeys) {
  async function get(id: string): Promise<StoredDeploy | undefined> {
    const h = await redis.hmget(keys.deploy(id), 'spec', 'state', 'cancel');
    const [spec, state, cancel] = h;
    if (spec === null || spec === undefined || state === null || state === undefined)
      return undefined;
    const rec: StoredDeploy = {
      spec: JSON.parse(spec) as DeploySpec,
      state: JSON.parse(state) as DeployState,
    };
    if (cancel !== null && cancel !== undefined) rec.cancel_requested_by = cancel;
    return rec;
  }

  return {
    get,

    /** Writes a new deploy, indexes it and puts it in its stage's line, in one transaction. */
    async create(spec: DeploySpec, state: DeployState, firstLine: string): Promise<void> {
      await redis
        .multi()
        .hset(keys.deploy(spec.id), 'spec', JSON.stringify(spec), 'state', JSON.stringify(state))
        .zadd(keys.index, Date.parse(spec.created_at), spec.id)
        .rpush(keys.stageQueue(spec.app, spec.stage), spec.id)
        .xadd(keys.log(spec.id), '*', 'line', firstLine)
        .exec();
    },

    /** Deploy ids newest first, optionally only those of an app/stage/status. */
    async list(filter: {
      app?: string | undefined;
      stage?: string | undefined;
      status?: DeployStatus | undefined;
      limit: number;
    }): Promise<StoredDeploy[]> {
      const out: StoredDeploy[] = [];
      const page = 200;
      for (let start = 0; out.length < filter.limit; start += page) {
        const ids = await redis.zrevrange(keys.index, start, start + page - 1);
        if (ids.length === 0) break;
        for (const id of ids) {
          const rec = await get(id);
          if (!rec) {
            // Its retention ran out: the index forgets it too.
            await redis.zrem(keys.index, id);
            continue;
          }
          if (filter.app !== undefined && rec.spec.app !== filter.app) continue;
          if (filter.stage !== undefined && rec.spec.stage !== filter.stage) continue;
          if (filter.status !== undefined && rec.state.status !== filter.status) continue;
          out.push(rec);
          if (out.length >= filter.limit) break;
        }
      }
      return out;
    },

    /** The deploys of a stage that are running or waiting, in order. */
    async stageLine(app: string, stage: string): Promise<string[]> {
      return redis.lrange(keys.stageQueue(app, stage), 0, -1);
    },

    async cancel(rec: StoredDeploy, who: string): Promise<'final' | 'cancelled' | 'requested'> {
      const now = new Date().toISOString();
      const cancelledState: DeployState = {
        ...rec.state,
        status: 'cancelled',
        finished_at: now,
        cancel_requested_by: who,
      };
      const result = (await redis.eval(
        CANCEL_SCRIPT,
        2,
        keys.deploy(rec.spec.id),
        keys.stageQueue(rec.spec.app, rec.spec.stage),
        who,
        JSON.stringify(cancelledState),
        rec.spec.id,
      )) as 'final' | 'cancelled' | 'requested';
      if (result === 'cancelled') {
        await redis
          .multi()
          .xadd(
            keys.log(rec.spec.id),
            '*',
            'line',
            `deploy ${rec.spec.id} cancelled by ${who} before it started`,
            DEFAULT_DEPLOY_RETENTION_MS,
            FINAL_LOG_FIELD,
            'cancelled',
          )
          .pexpire(keys.deploy(rec.spec.id), rec.spec.retention_ms ?? DEFAULT_DEPLOY_RETENTION_MS)
          .pexpire(keys.log(rec.spec.id), rec.spec.retention_ms ?? DEFAULT_DEPLOY_RETENTION_MS)
          .exec();
      }
      return result;
    },
  };
}

export type DeployStore = ReturnType<typeof createDeployStore>;
