import { programNameFrom, type ImportResult } from './import-result.js';

/** A Procfile (`type: command` lines) to drover programs, each command run through sh. */
export function importProcfile(text: string): ImportResult {
  const result: ImportResult = { programs: {}, unmapped: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*(#.*)?$/.test(line)) return;
    const m = /^([A-Za-z0-9_-]+)\s*:\s*(.+)$/.exec(line);
    if (m?.[1] === undefined || m[2] === undefined) {
      result.unmapped.push(`line ${i + 1}: not 'type: command', ignored`);
      return;
    }
    const name = programNameFrom(m[1]);
    if (name !== m[1]) result.unmapped.push(`line ${i + 1}: '${m[1]}' renamed to '${name}'`);
    result.programs[name] = { command: m[2].trim() };
  });
  if (Object.values(result.programs).some((p) => String(p.command).includes('$PORT'))) {
    result.unmapped.push("$PORT is not set by drover: add it to each program's environment");
  }
  return result;
}
