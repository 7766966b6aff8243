import type { ProgramSpecInput, SignalName } from '../config/program-spec.js';
import { PROGRAM_SIGNALS } from '@drover/contracts';
import { parseIni } from './ini.js';
import { programNameFrom, type ImportResult } from './import-result.js';

function bool(v: string): boolean {
  return /^(true|yes|on|1)$/i.test(v);
}

/** `KEY="val",KEY2=val` (supervisord's environment syntax). */
export function parseSupervisordEnvironment(value: string): Record<string, string> {
  const env: Record<string, string> = {};
  const re = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*("([^"]*)"|'([^']*)'|([^,]*))\s*(,|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) !== null && m[0] !== '') {
    const key = m[1];
    if (key !== undefined) env[key] = (m[3] ?? m[4] ?? m[5] ?? '').trim();
  }
  return env;
}

const ALWAYS_ON = new Set(['stopasgroup', 'killasgroup']);

/** supervisord's `[program:x]` sections to drover programs. */
export function importSupervisord(text: string): ImportResult {
  const result: ImportResult = { programs: {}, unmapped: [] };
  for (const section of parseIni(text)) {
    const m = /^program:(.+)$/.exec(section.name);
    if (m?.[1] === undefined) {
      result.unmapped.push(`[${section.name}]: section ignored (only [program:x] maps)`);
      continue;
    }
    const raw = m[1].trim();
    const name = programNameFrom(raw);
    if (name !== raw) result.unmapped.push(`[${section.name}]: renamed to '${name}'`);
    const spec: Partial<ProgramSpecInput> = {};
    const note = (key: string, why: string) =>
      result.unmapped.push(`[${section.name}] ${key}: ${why}`);
    for (const [key, rawValue] of section.entries) {
      const value = rawValue.replace(/%\(program_name\)s/g, raw);
      if (/%\(/.test(value) && key !== 'process_name') {
        note(key, `expansion in '${value}' left as is`);
      }
      switch (key) {
        case 'command':
          spec.command = value;
          break;
        case 'directory':
          spec.directory = value;
          break;
        case 'environment':
          spec.environment = parseSupervisordEnvironment(value);
          break;
        case 'autostart':
          spec.autostart = bool(value);
          break;
        case 'autorestart':
          spec.autorestart =
            value === 'unexpected' ? 'unexpected' : bool(value) ? 'always' : 'never';
          break;
        case 'exitcodes':
          spec.exit_codes = value.split(',').map((c) => Number(c.trim()));
          break;
        case 'startsecs':
          spec.start_secs = `${Number(value)}s`;
          break;
        case 'startretries':
          spec.start_retries = Number(value);
          break;
        case 'stopsignal': {
          const sig = value.toUpperCase().replace(/^SIG/, '') as SignalName;
          if ((PROGRAM_SIGNALS as readonly SignalName[]).includes(sig)) spec.stop_signal = sig;
          else note(key, `signal '${value}' not supported`);
          break;
        }
        case 'stopwaitsecs':
          spec.stop_timeout = `${Number(value)}s`;
          break;
        case 'user':
          spec.user = value;
          break;
        case 'umask':
          spec.umask = value.padStart(3, '0');
          break;
        case 'priority':
          spec.priority = Number(value);
          break;
        case 'numprocs':
          spec.instances = Number(value);
          break;
        default:
          if (ALWAYS_ON.has(key)) {
            if (!bool(value)) note(key, 'drover always signals the whole process group');
          } else if (/^(stdout|stderr)_|^redirect_stderr$/.test(key)) {
            note(key, "output goes to drover's logger (FIFOs), configure rotation there");
          } else {
            note(key, 'no drover equivalent');
          }
      }
    }
    if (spec.command === undefined) {
      result.unmapped.push(`[${section.name}]: no command, skipped`);
      continue;
    }
    result.programs[name] = spec as ProgramSpecInput;
  }
  return result;
}
