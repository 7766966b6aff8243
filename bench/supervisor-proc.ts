// /proc readings for the supervisor benchmark: children of a process, memory, CPU ticks.
import { readFileSync, readdirSync } from 'node:fs';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

/** Direct children of `pid`, from /proc/<pid>/task/<tid>/children (every thread). */
export function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tasks) {
    const text = read(`/proc/${pid}/task/${tid}/children`);
    if (text === undefined) continue;
    for (const p of text.split(' ')) if (p.trim() !== '') out.push(Number(p));
  }
  return out;
}

export function cmdline(pid: number): string {
  return (read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ');
}

/** The child of `parent` whose command line holds `marker`. */
export function childWithMarker(parent: number, marker: string): number | undefined {
  for (const c of childrenOf(parent)) if (cmdline(c).includes(marker)) return c;
  return undefined;
}

export function rssKiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? '');
  return Number(m?.[1] ?? 0);
}

export function pssKiB(pid: number): number {
  const m = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? '');
  return Number(m?.[1] ?? 0);
}

/** utime + stime in clock ticks (10 ms each). */
export function cpuTicks(pid: number): number {
  const text = read(`/proc/${pid}/stat`) ?? '';
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return Number(f[11] ?? 0) + Number(f[12] ?? 0);
}

/** Every process whose command line holds `marker` (for cleaning up). */
export function pidsWithMarker(marker: string): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    const pid = Number(e);
    if (Number.isInteger(pid) && pid !== process.pid && cmdline(pid).includes(marker))
      out.push(pid);
  }
  return out;
}
