import { durationSchema, listenSchema, loadConfig, type ConfigSchema } from '@drover/contracts';
import type { TokenEntry } from '@drover/contracts/http';

export interface SchedulerConfig {
  listen: string;
  redis: string;
  prefix: string;
  tokens: TokenEntry[];
  /** What the scheduler presents to the hosts' agents (later issues proxy through it). */
  agent_token?: string;
  /** How long a read from a host's agent may take before the host counts as unreachable. */
  agent_timeout: string;
  /** How long a deploy's record and log stay readable after it ends. */
  deploy_retention: string;
  /** Validate every response against the spec (tests turn this on; it costs CPU). */
  validate_responses: boolean;
}

export const schedulerConfigSchema: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tokens'],
  properties: {
    listen: { ...listenSchema, default: '127.0.0.1:7700' },
    redis: { type: 'string', pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' },
    prefix: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$', default: 'drover' },
    tokens: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'scopes', 'sha256'],
        properties: {
          name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' },
          scopes: {
            type: 'array',
            minItems: 1,
            items: { enum: ['read', 'deploy', 'admin'] },
          },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        },
      },
    },
    agent_token: { type: 'string', minLength: 16 },
    agent_timeout: { ...durationSchema, default: '2s' },
    deploy_retention: { ...durationSchema, default: '720h' },
    validate_responses: { type: 'boolean', default: false },
  },
};

/**
 * Reads the scheduler's config. `env` is what the composition root took from the environment:
 * `REDIS_URL` is the default for `redis` when the file does not set it.
 */
export function loadSchedulerConfig(
  file: string | undefined,
  env: { REDIS_URL?: string | undefined } = {},
): SchedulerConfig {
  return loadConfig<SchedulerConfig>(file, schedulerConfigSchema, {}, { redis: env.REDIS_URL });
}
