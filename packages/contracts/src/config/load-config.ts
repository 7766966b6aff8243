import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { commonErrors } from '../errors/catalogue.js';

// ajv-formats ships CommonJS with `exports.default`; under NodeNext both shapes can appear.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** A JSON Schema (2020-12) object describing a config file. */
export type ConfigSchema = Record<string, unknown>;

function firstErrorLine(errors: ErrorObject[] | null | undefined): {
  path: string;
  message: string;
} {
  const e = errors?.[0];
  if (!e) return { path: '', message: 'is not valid' };
  let path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  let message = e.message ?? 'is not valid';
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty ?? '?';
    path = path ? `${path}.${extra}` : extra;
    message = 'is not a known setting';
  } else if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty?: string }).missingProperty ?? '?';
    path = path ? `${path}.${missing}` : missing;
    message = 'is required';
  }
  return { path, message };
}

/**
 * Validates a parsed config object against `schema`, filling defaults the schema declares.
 * Throws a config error naming the first bad field's dotted path.
 */
export function validateConfig<T>(value: unknown, schema: ConfigSchema): T {
  const ajv = new Ajv2020({ allErrors: false, useDefaults: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const copy: unknown = structuredClone(value ?? {});
  if (!validate(copy)) {
    const { path, message } = firstErrorLine(validate.errors);
    throw commonErrors.config(path, message);
  }
  return copy as T;
}

/**
 * Reads a YAML (or JSON) config file, lays `overrides` over it and `defaults` under it (values the
 * composition root took from the environment), and validates it.
 */
export function loadConfig<T>(
  file: string | undefined,
  schema: ConfigSchema,
  overrides: Record<string, unknown> = {},
  defaults: Record<string, unknown> = {},
): T {
  let raw: unknown = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw commonErrors.config(
        '',
        `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
    try {
      raw = parseYaml(text) ?? {};
    } catch (err) {
      const msg = err instanceof YAMLParseError ? err.message.split('\n')[0] : String(err);
      throw commonErrors.config('', `${file} is not valid YAML: ${msg}`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw commonErrors.config('', `${file} must hold a mapping`);
    }
  }
  const merged: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [k, v] of Object.entries(defaults))
    if (v !== undefined && !(k in merged)) merged[k] = v;
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) merged[k] = v;
  return validateConfig<T>(merged, schema);
}

/** Schema fragment for a duration string such as `250ms`, `10s`, `5m` (or a number of ms). */
export const durationSchema = {
  anyOf: [
    { type: 'string', pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)$' },
    { type: 'number', minimum: 0 },
  ],
} as const;

/** Schema fragment for a size such as `10MiB`, `64KiB` (or a number of bytes). */
export const sizeSchema = {
  anyOf: [
    { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*([kKmMgG]i?[bB]?|[bB])?$' },
    { type: 'number', minimum: 0 },
  ],
} as const;

/** Schema fragment for `host:port` (or a bare port) that a service listens on. */
export const listenSchema = { type: 'string', pattern: '^([^\\s:]+:)?\\d{1,5}$' } as const;
