import { stringify } from 'yaml';
import type { ProgramSpecInput } from '../config/program-spec.js';

/** What an import produced: drover programs, and what did not map (for stderr). */
export interface ImportResult {
  programs: Record<string, ProgramSpecInput>;
  unmapped: string[];
}

/** The programs as the `programs:` block of a supervisor config. */
export function renderProgramsYaml(result: ImportResult): string {
  return stringify({ programs: result.programs }, { lineWidth: 100 });
}

/** Program names are strict (`^[a-z0-9][a-z0-9_.-]{0,127}$`): fold what can be folded. */
export function programNameFrom(raw: string): string {
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 128);
  return name === '' ? 'program' : name;
}
