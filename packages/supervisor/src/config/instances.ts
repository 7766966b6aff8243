import type { ProgramSpecInput } from './program-spec.js';

export interface ExpandedProgram {
  name: string;
  input: ProgramSpecInput;
  /** Variables the instance adds to its environment. */
  extraEnv: Record<string, string>;
}

/** `instances: 3` on `web` becomes `web.1`, `web.2`, `web.3`; one instance keeps the name. */
export function expandInstances(name: string, input: ProgramSpecInput): ExpandedProgram[] {
  const n = input.instances ?? 1;
  if (n === 1) return [{ name, input, extraEnv: {} }];
  return Array.from({ length: n }, (_, i) => ({
    name: `${name}.${i + 1}`,
    input,
    extraEnv: { DROVER_INSTANCE: String(i + 1) },
  }));
}
