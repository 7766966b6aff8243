import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import type { Log } from '@drover/contracts';
import { boundUrl, closeServer, listen } from '@drover/contracts/http';
import { createSchedulerApp } from './app.js';
import { createDeployQueue } from './queue.js';
import type { SchedulerConfig } from './config/scheduler-config.js';

export interface RunningScheduler {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

export function connectRedis(url: string): Redis {
  // API calls fail fast instead of queueing forever while Redis is away.
  return new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false });
}

/** Connects to Redis and serves the API on `config.listen`. */
export async function startScheduler(config: SchedulerConfig, log: Log): Promise<RunningScheduler> {
  const redis = connectRedis(config.redis);
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));
  const queue = createDeployQueue(config.redis, config.prefix);
  const app = createSchedulerApp({ redis, config, log, queue });
  const server = await listen(app, config.listen);
  return {
    url: boundUrl(server),
    server,
    async stop() {
      await closeServer(server);
      await queue.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
