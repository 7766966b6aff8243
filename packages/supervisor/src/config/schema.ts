import {
  PROGRAM_SIGNALS,
  durationSchema,
  listenSchema,
  type ConfigSchema,
} from '@drover/contracts';

/** One program, as in the config file; mirrors `ProgramSpec` in openapi/supervisor.yaml. */
export const programSpecSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['command'],
  properties: {
    command: {
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      ],
    },
    directory: { type: 'string', minLength: 1 },
    environment: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      additionalProperties: { type: 'string' },
    },
    env_dir: { type: 'string', minLength: 1 },
    inherit_env: { type: 'boolean' },
    user: { type: 'string', minLength: 1 },
    group: { type: 'string', minLength: 1 },
    umask: { type: 'string', pattern: '^0?[0-7]{3}$' },
    autostart: { type: 'boolean' },
    autorestart: { enum: ['always', 'unexpected', 'never'] },
    exit_codes: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 255 } },
    start_secs: durationSchema,
    start_retries: { type: 'integer', minimum: 0 },
    backoff: {
      type: 'object',
      additionalProperties: false,
      properties: {
        initial: durationSchema,
        factor: { type: 'number', minimum: 1 },
        max: durationSchema,
      },
    },
    ready: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['tcp'],
          properties: { tcp: { type: 'integer', minimum: 1, maximum: 65535 } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['http'],
          properties: { http: { type: 'string', pattern: '^https?://' } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['exec'],
          properties: {
            exec: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['notify_fd'],
          properties: { notify_fd: { type: 'integer', minimum: 3, maximum: 63 } },
        },
      ],
    },
    stop_signal: { enum: PROGRAM_SIGNALS },
    stop_timeout: durationSchema,
    instances: { type: 'integer', minimum: 1, maximum: 1000 },
    priority: { type: 'integer' },
  },
} as const;

/** `drover supervisor --config FILE`. */
export const supervisorConfigSchema: ConfigSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['root', 'token_sha256'],
  properties: {
    host: { type: 'string', minLength: 1 },
    listen: { ...listenSchema, default: '127.0.0.1:7701' },
    root: { type: 'string', minLength: 1 },
    token_sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    fifo_dir: { type: 'string', minLength: 1 },
    adopt_poll: { ...durationSchema, default: '250ms' },
    history: { type: 'integer', minimum: 1, maximum: 1000, default: 20 },
    log_level: { enum: ['trace', 'debug', 'info', 'warn', 'error', 'fatal'], default: 'info' },
    programs: {
      type: 'object',
      default: {},
      propertyNames: { pattern: '^[a-z0-9][a-z0-9_.-]{0,127}$' },
      additionalProperties: programSpecSchema,
    },
  },
};
