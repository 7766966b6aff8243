import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import { createLog } from '@drover/contracts';
import { boundUrl, closeServer, listen, sha256Hex } from '@drover/contracts/http';
import { startRedis, type TestRedis } from '@drover/contracts/testing';
import { createSchedulerApp } from '../app.js';
import { createDeployQueue, type DeployQueue } from '../queue.js';
import type { SchedulerConfig } from '../config/scheduler-config.js';

export const TOKENS = {
  admin: 'admin-token-0123456789abcdef',
  deploy: 'deploy-token-0123456789abcdef',
  read: 'read-token-0123456789abcdef',
} as const;

export interface Harness {
  url: string;
  redis: TestRedis;
  /** Every log line the scheduler wrote. */
  logLines: string[];
  /** A fresh scheduler app on the same Redis (as a second replica would be). */
  startAnother(): Promise<{ url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

/** A scheduler on a real redis-server, validating its own responses against the spec. */
export async function startHarness(): Promise<Harness> {
  const redis = await startRedis();
  const logLines: string[] = [];
  const config: SchedulerConfig = {
    listen: '127.0.0.1:0',
    redis: redis.url,
    prefix: `test-${Math.random().toString(36).slice(2)}`,
    validate_responses: true,
    agent_timeout: '500ms',
    deploy_retention: '1h',
    tokens: (Object.keys(TOKENS) as (keyof typeof TOKENS)[]).map((scope) => ({
      name: `${scope}-token`,
      scopes: [scope],
      sha256: sha256Hex(TOKENS[scope]),
    })),
  };
  const servers: { server: Server; client: Redis }[] = [];
  const queue: DeployQueue = createDeployQueue(redis.url, config.prefix);
  const startOne = async () => {
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    const log = createLog('scheduler', {
      level: 'debug',
      destination: { write: (line: string) => void logLines.push(line) },
    });
    const server = await listen(
      createSchedulerApp({ redis: client, config, log, queue }),
      config.listen,
    );
    const entry = { server, client };
    servers.push(entry);
    return {
      url: boundUrl(server),
      stop: async () => {
        await closeServer(server);
        await client.quit();
        servers.splice(servers.indexOf(entry), 1);
      },
    };
  };
  const first = await startOne();
  return {
    url: first.url,
    redis,
    logLines,
    startAnother: startOne,
    async stop() {
      for (const s of [...servers]) {
        await closeServer(s.server);
        await s.client.quit();
      }
      await queue.close();
      await redis.stop();
    },
  };
}

export function auth(scope: keyof typeof TOKENS): Record<string, string> {
  return { Authorization: `Bearer ${TOKENS[scope]}` };
}
