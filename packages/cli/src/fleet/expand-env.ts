import { commonErrors } from '@drover/contracts';

const REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Expands `${NAME}` and `${NAME:-default}` in every string of a parsed fleet file, so secrets and
 * per-machine paths come from the environment instead of the file. `$${` stays a literal `${`.
 */
export function expandEnv(value: unknown, env: NodeJS.ProcessEnv, path = ''): unknown {
  if (typeof value === 'string') {
    return value
      .split('$${')
      .map((part) =>
        part.replace(REF, (_m, name: string, fallback: string | undefined) => {
          const v = env[name];
          if (v !== undefined && v !== '') return v;
          if (fallback !== undefined) return fallback;
          throw commonErrors.config(path, `\${${name}} is not set in the environment`);
        }),
      )
      .join('${');
  }
  if (Array.isArray(value)) return value.map((v, i) => expandEnv(v, env, `${path}.${i}`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = expandEnv(v, env, path ? `${path}.${k}` : k);
    return out;
  }
  return value;
}
