import { durationSchema, listenSchema, sizeSchema } from '@drover/contracts';

const rotateProperties = {
  max_bytes: sizeSchema,
  keep: { type: 'integer', minimum: 0 },
  max_age: { anyOf: [durationSchema, { type: 'null' }] },
  compress: { type: 'boolean' },
} as const;

/** JSON Schema (2020-12) of `drover logger --config FILE`. */
export const loggerConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['root', 'token_sha256'],
  properties: {
    listen: { ...listenSchema, default: '127.0.0.1:7702' },
    root: { type: 'string', minLength: 1 },
    ingest: { type: 'string', minLength: 1 },
    token_sha256: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' },
    rotate: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        max_bytes: { ...sizeSchema, default: '10MiB' },
        keep: { ...rotateProperties.keep, default: 5 },
        max_age: { ...rotateProperties.max_age, default: null },
        compress: { type: 'boolean', default: false },
      },
    },
    programs: {
      type: 'object',
      default: {},
      propertyNames: { pattern: '^[a-z0-9][a-z0-9_.-]{0,127}$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          rotate: { type: 'object', additionalProperties: false, properties: rotateProperties },
        },
      },
    },
    max_line: { ...sizeSchema, default: '64KiB' },
    buffer_max: { ...sizeSchema, default: '16MiB' },
    retry: { ...durationSchema, default: '1s' },
    stop_timeout: { ...durationSchema, default: '10s' },
    log_level: { type: 'string', enum: ['debug', 'info', 'warn', 'error'], default: 'info' },
  },
} as const;

type Size = string | number;
type Duration = string | number;

export interface RawRotate {
  max_bytes?: Size;
  keep?: number;
  max_age?: Duration | null;
  compress?: boolean;
}

/** The file as written, after defaults. */
export interface RawLoggerConfig {
  listen: string;
  root: string;
  ingest?: string;
  token_sha256: string;
  rotate: Required<RawRotate>;
  programs: Record<string, { rotate?: RawRotate }>;
  max_line: Size;
  buffer_max: Size;
  retry: Duration;
  stop_timeout: Duration;
  log_level: 'debug' | 'info' | 'warn' | 'error';
}
