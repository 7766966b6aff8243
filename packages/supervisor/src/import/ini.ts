export interface IniSection {
  name: string;
  entries: [string, string][];
}

/**
 * The INI subset supervisord reads: `[section]`, `key = value` or `key: value`, comments starting
 * with `;` or `#` (also after whitespace inside a value), indented continuation lines.
 */
export function parseIni(text: string): IniSection[] {
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  let last: [string, string] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*([;#].*)?$/.test(raw)) continue;
    if (/^\s/.test(raw) && last !== undefined) {
      last[1] = `${last[1]}\n${stripComment(raw.trim())}`;
      continue;
    }
    const header = /^\[([^\]]+)\]\s*$/.exec(raw.trim());
    if (header?.[1] !== undefined) {
      current = { name: header[1].trim(), entries: [] };
      sections.push(current);
      last = undefined;
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw.trim());
    if (kv?.[1] === undefined || current === undefined) continue;
    last = [kv[1].trim().toLowerCase(), stripComment(kv[2] ?? '')];
    current.entries.push(last);
  }
  return sections;
}

function stripComment(value: string): string {
  return value.replace(/\s+[;#].*$/, '').trim();
}
