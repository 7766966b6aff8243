/**
 * Every key lives under one prefix, braced so that all of drover's keys share a Redis Cluster
 * hash slot (the registry's scripts touch two keys at once).
 */
export function keyspace(prefix: string) {
  const base = `{${prefix}}`;
  return {
    record: (kind: RegistryKind, name: string) => `${base}:${kind}:${name}`,
    index: (kind: RegistryKind) => `${base}:${kind}s`,
  };
}
export type Keyspace = ReturnType<typeof keyspace>;

export type RegistryKind = 'app' | 'host';
