import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { canonicalJson } from './canonical-json.js';
import type { Keyspace, RegistryKind } from './keys.js';
import { schedulerErrors } from '../errors.js';

/** One stored registry item: the spec as it was PUT (secrets included), with its version. */
export interface StoredRecord<Spec> {
  name: string;
  spec: Spec;
  etag: string;
  created_at: string;
  updated_at: string;
}

export type PutOutcome = 'created' | 'updated' | 'unchanged';

// Compare-and-set in one step, so two scheduler replicas never lose each other's writes.
// A spec identical to the stored one keeps its ETag and timestamps: `apply` twice changes nothing.
const PUT_SCRIPT = `
local cur = redis.call('HMGET', KEYS[1], 'spec', 'etag')
local ifmatch = ARGV[2]
if ifmatch ~= '' then
  if not cur[2] then return 'precondition' end
  if ifmatch ~= '*' and ifmatch ~= cur[2] then return 'precondition' end
end
if cur[1] and cur[1] == ARGV[1] then return 'unchanged' end
if cur[2] then
  redis.call('HSET', KEYS[1], 'spec', ARGV[1], 'etag', ARGV[3], 'updated_at', ARGV[4])
  return 'updated'
end
redis.call('HSET', KEYS[1], 'spec', ARGV[1], 'etag', ARGV[3], 'created_at', ARGV[4], 'updated_at', ARGV[4])
redis.call('SADD', KEYS[2], ARGV[5])
return 'created'
`;

const DELETE_SCRIPT = `
local etag = redis.call('HGET', KEYS[1], 'etag')
if not etag then return 'missing' end
if ARGV[1] ~= '' and ARGV[1] ~= '*' and ARGV[1] ~= etag then return 'precondition' end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
return 'deleted'
`;

/** `"abc"`, `W/"abc"` and `abc` all name the same version. */
function normaliseEtag(value: string | undefined): string {
  if (value === undefined) return '';
  const v = value.trim();
  if (v === '*') return '*';
  return v.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export function formatEtag(etag: string): string {
  return `"${etag}"`;
}

export function createRegistryStore<Spec>(redis: Redis, keys: Keyspace, kind: RegistryKind) {
  const what = kind === 'app' ? 'app' : 'host';

  function parse(name: string, h: Record<string, string>): StoredRecord<Spec> | undefined {
    if (h['spec'] === undefined || h['etag'] === undefined) return undefined;
    return {
      name,
      spec: JSON.parse(h['spec']) as Spec,
      etag: h['etag'],
      created_at: h['created_at'] ?? '',
      updated_at: h['updated_at'] ?? '',
    };
  }

  return {
    async get(name: string): Promise<StoredRecord<Spec> | undefined> {
      return parse(name, await redis.hgetall(keys.record(kind, name)));
    },

    async list(): Promise<StoredRecord<Spec>[]> {
      const names = (await redis.smembers(keys.index(kind))).sort();
      if (names.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const n of names) pipeline.hgetall(keys.record(kind, n));
      const results = (await pipeline.exec()) ?? [];
      const out: StoredRecord<Spec>[] = [];
      names.forEach((n, i) => {
        const [err, h] = results[i] ?? [null, {}];
        if (err) throw err;
        const rec = parse(n, h as Record<string, string>);
        if (rec) out.push(rec);
      });
      return out;
    },

    async put(
      name: string,
      spec: Spec,
      ifMatch: string | undefined,
    ): Promise<{ outcome: PutOutcome; record: StoredRecord<Spec> }> {
      const etag = randomBytes(8).toString('hex');
      const outcome = (await redis.eval(
        PUT_SCRIPT,
        2,
        keys.record(kind, name),
        keys.index(kind),
        canonicalJson(spec),
        normaliseEtag(ifMatch),
        etag,
        new Date().toISOString(),
        name,
      )) as PutOutcome | 'precondition';
      if (outcome === 'precondition') throw schedulerErrors.etagMismatch(what, name);
      const record = await this.get(name);
      if (!record) throw schedulerErrors.notFound(what, name);
      return { outcome, record };
    },

    async delete(name: string, ifMatch: string | undefined): Promise<void> {
      const result = (await redis.eval(
        DELETE_SCRIPT,
        2,
        keys.record(kind, name),
        keys.index(kind),
        normaliseEtag(ifMatch),
        name,
      )) as 'missing' | 'precondition' | 'deleted';
      if (result === 'missing') throw schedulerErrors.notFound(what, name);
      if (result === 'precondition') throw schedulerErrors.etagMismatch(what, name);
    },
  };
}

export type RegistryStore<Spec> = ReturnType<typeof createRegistryStore<Spec>>;
