import type { Redis } from 'ioredis';
import type { DeployKeys } from '@drover/contracts';

export type AcquireResult =
  | { kind: 'acquired'; fence: number; takeover: boolean }
  | { kind: 'waiting'; holder: string }
  | { kind: 'gone' };

// One deploy per app+stage. A deploy gets the lock when nobody holds it and it heads its stage's
// line (queue order), or when it holds it already (its executor died and another resumes it).
// Heads that already finished are dropped. Each grant grows the app's fence.
const ACQUIRE = `
local lock, line, deploy, fence = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local id, lease, deployPrefix = ARGV[1], ARGV[2], ARGV[3]
if redis.call('HEXISTS', deploy, 'final') == 1 then
  redis.call('LREM', line, 0, id)
  return {'gone'}
end
local holder = redis.call('GET', lock)
if holder and holder ~= id then return {'waiting', holder} end
if not holder then
  while true do
    local head = redis.call('LINDEX', line, 0)
    if not head then break end
    if head == id then break end
    if redis.call('HEXISTS', deployPrefix .. head, 'final') == 1 or redis.call('EXISTS', deployPrefix .. head) == 0 then
      redis.call('LREM', line, 0, head)
    else
      return {'waiting', head}
    end
  end
end
redis.call('SET', lock, id, 'PX', lease)
local f = redis.call('INCR', fence)
local started = redis.call('HSETNX', deploy, 'started', '1')
return {'acquired', tostring(f), tostring(1 - started)}
`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

// Frees the stage and answers who is next in line, so that deploy's job can be woken at once.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('LREM', KEYS[2], 0, ARGV[1])
return redis.call('LINDEX', KEYS[2], 0)
`;

export function createStageLock(redis: Redis, keys: DeployKeys, leaseMs: number) {
  const deployPrefix = keys.deploy('');
  return {
    async acquire(app: string, stage: string, id: string): Promise<AcquireResult> {
      const r = (await redis.eval(
        ACQUIRE,
        4,
        keys.stageLock(app, stage),
        keys.stageQueue(app, stage),
        keys.deploy(id),
        keys.appFence(app),
        id,
        String(leaseMs),
        deployPrefix,
      )) as string[];
      if (r[0] === 'gone') return { kind: 'gone' };
      if (r[0] === 'waiting') return { kind: 'waiting', holder: r[1] ?? '?' };
      return { kind: 'acquired', fence: Number(r[1]), takeover: r[2] === '1' };
    },
    async renew(app: string, stage: string, id: string): Promise<boolean> {
      return (await redis.eval(RENEW, 1, keys.stageLock(app, stage), id, String(leaseMs))) === 1;
    },
    async release(app: string, stage: string, id: string): Promise<string | null> {
      return (await redis.eval(
        RELEASE,
        2,
        keys.stageLock(app, stage),
        keys.stageQueue(app, stage),
        id,
      )) as string | null;
    },
  };
}

export type StageLock = ReturnType<typeof createStageLock>;
