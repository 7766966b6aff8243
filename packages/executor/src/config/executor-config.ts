import { durationSchema, loadConfig, type ConfigSchema } from '@drover/contracts';

export interface ExecutorConfig {
  redis: string;
  prefix: string;
  /** Deploys one executor process runs at once. */
  concurrency: number;
  /** Presented to the hosts' agents (their `token_sha256` is its SHA-256). */
  agent_token: string;
  /** How many hosts are prepared at once within a deploy. */
  host_concurrency: number;
  /**
   * BullMQ's job lock and stalled-job check: a killed executor's deploy is picked up by another
   * after between one and two of these (30s each by default, as BullMQ's own defaults).
   */
  lock_duration: string;
  stalled_interval: string;
  /** The stage lock's lease, renewed by the running executor; a dead holder loses it after this. */
  stage_lease: string;
  /** How often a deploy waiting for its stage checks again (a finishing deploy also wakes it). */
  lock_poll: string;
  /** Key for the HMAC-SHA256 signature of notification webhooks. */
  notify_secret?: string;
  /** A name for this executor in deploy logs (default: host:pid). */
  name?: string;
}

export const executorConfigSchema: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['agent_token'],
  properties: {
    redis: { type: 'string', pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' },
    prefix: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$', default: 'drover' },
    concurrency: { type: 'integer', minimum: 1, maximum: 256, default: 4 },
    agent_token: { type: 'string', minLength: 16 },
    host_concurrency: { type: 'integer', minimum: 1, maximum: 1000, default: 20 },
    lock_duration: { ...durationSchema, default: '30s' },
    stalled_interval: { ...durationSchema, default: '30s' },
    stage_lease: { ...durationSchema, default: '30s' },
    lock_poll: { ...durationSchema, default: '1s' },
    notify_secret: { type: 'string', minLength: 8 },
    name: { type: 'string', minLength: 1, maxLength: 100 },
  },
};

export function loadExecutorConfig(
  file: string | undefined,
  env: { REDIS_URL?: string | undefined } = {},
): ExecutorConfig {
  return loadConfig<ExecutorConfig>(file, executorConfigSchema, {}, { redis: env.REDIS_URL });
}
