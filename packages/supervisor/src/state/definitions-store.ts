import { join } from 'node:path';
import type { ProgramSpecInput } from '../config/program-spec.js';
import { readJsonFile, writeFileAtomic } from './atomic-file.js';

/** Who defined a program: the config file, `PUT /v1/programs/{name}`, or a release publish. */
export type Origin = 'config' | 'api' | 'release';

export interface StoredDefinition {
  origin: Exclude<Origin, 'config'>;
  spec: ProgramSpecInput;
  definedAt: string;
}

/**
 * `<root>/state/programs.json`: programs defined at run time (API, releases). They survive
 * supervisor restarts and a config reload never touches them.
 */
export class DefinitionsStore {
  readonly file: string;
  private defs: Record<string, StoredDefinition> = {};

  constructor(stateDir: string) {
    this.file = join(stateDir, 'programs.json');
  }

  load(): Record<string, StoredDefinition> {
    const value = readJsonFile(this.file);
    this.defs =
      value !== undefined && typeof value === 'object' && value !== null
        ? { ...(value as Record<string, StoredDefinition>) }
        : {};
    return { ...this.defs };
  }

  put(name: string, def: StoredDefinition): void {
    this.defs[name] = def;
    writeFileAtomic(this.file, JSON.stringify(this.defs, null, 2));
  }

  delete(name: string): void {
    if (!(name in this.defs)) return;
    delete this.defs[name];
    writeFileAtomic(this.file, JSON.stringify(this.defs, null, 2));
  }
}
