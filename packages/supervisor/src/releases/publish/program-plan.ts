import { isProgramName } from '@drover/contracts';
import type { ProgramSpecInput } from '../../config/program-spec.js';
import type { AppLayout } from '../layout/app-layout.js';
import { resolveInside } from '../layout/safe-path.js';
import { releaseErrors } from '../release-errors.js';
import type { ReleaseRecord } from '../state/app-state-store.js';

export interface PlannedProgram {
  name: string;
  input: ProgramSpecInput;
}

/**
 * A release's processes as program definitions: `<app>.<type>`, or `<app>.<type>.<n>` with
 * `instances` (each its own definition carrying DROVER_INSTANCE, so a stored definition
 * restores exactly). Every program runs from `current` — the path, not the release it points
 * at: the kernel resolves the link when the process starts (daemontools' `readlink -f` advice),
 * so a restart after a switch runs the new release and the definition stays the same across
 * publishes. The release's environment comes first, the process's own on top.
 */
export function planPrograms(
  app: string,
  record: Pick<ReleaseRecord, 'processes' | 'environment' | 'user'>,
  layout: AppLayout,
  useUser: boolean,
): PlannedProgram[] {
  const out: PlannedProgram[] = [];
  for (const [type, spec] of Object.entries(record.processes).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const { instances, ...rest } = spec;
    const n = instances ?? 1;
    const directory =
      spec.directory === undefined
        ? layout.current
        : resolveInside(layout.current, spec.directory, `processes.${type}.directory`);
    for (let i = 1; i <= n; i++) {
      const name = n === 1 ? `${app}.${type}` : `${app}.${type}.${i}`;
      if (!isProgramName(name)) {
        throw releaseErrors.invalidRequest(`program name '${name}' is not valid`);
      }
      const environment = {
        ...record.environment,
        ...(rest.environment ?? {}),
        ...(n === 1 ? {} : { DROVER_INSTANCE: String(i) }),
      };
      const input: ProgramSpecInput = { ...rest, directory, environment };
      if (useUser && record.user !== undefined && rest.user === undefined) {
        input.user = record.user;
      }
      out.push({ name, input });
    }
  }
  return out;
}

/** The names of an app's programs that a release defined (the app's, not an operator's). */
export function isAppProgram(app: string, name: string): boolean {
  return name.startsWith(`${app}.`);
}
