import type { Redis } from 'ioredis';
import { nextReleaseId, releaseIdFromDate, type DeployKeys } from '@drover/contracts';

/**
 * Claims the app's release id for a deploy created at `now`: the UTC second, or the next free one
 * when another deploy of the app has it. Claims live as long as a release may.
 */
export async function allocateReleaseId(
  redis: Redis,
  keys: DeployKeys,
  app: string,
  deployId: string,
  now: Date,
): Promise<string> {
  let id = releaseIdFromDate(now);
  for (let tries = 0; tries < 3600; tries++) {
    const ok = await redis.set(keys.releaseClaim(app, id), deployId, 'NX');
    if (ok === 'OK') return id;
    id = nextReleaseId(id);
  }
  throw new Error(`no free release id for ${app} within an hour of ${now.toISOString()}`);
}
