import { readdirSync, readFileSync } from 'node:fs';

/** What /proc/<pid>/stat tells about a process. */
export interface ProcStat {
  pid: number;
  /** R, S, D, Z, T… — Z is a zombie: dead, waiting to be reaped. */
  state: string;
  ppid: number;
  pgrp: number;
  /** Clock ticks since boot when it started: with the pid, identifies one process for good. */
  startTicks: number;
}

export function readProcStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTicks = Number(fields[19]);
  if (state === undefined || !Number.isFinite(startTicks)) return undefined;
  return { pid, state, ppid: Number(fields[1]), pgrp: Number(fields[2]), startTicks };
}

/** Alive and not a zombie, and (when given) the same process that started at `startTicks`. */
export function isSameLiveProcess(pid: number, startTicks?: number): boolean {
  const stat = readProcStat(pid);
  if (stat === undefined || stat.state === 'Z' || stat.state === 'X') return false;
  return startTicks === undefined || stat.startTicks === startTicks;
}

export interface TaggedProcess {
  pid: number;
  program: string;
  startTicks: number;
}

function tagValue(environ: string, key: string): string | undefined {
  const needle = `\0${key}=`;
  const text = `\0${environ}`;
  const at = text.indexOf(needle);
  if (at === -1) return undefined;
  const from = at + needle.length;
  const end = text.indexOf('\0', from);
  return text.slice(from, end === -1 ? undefined : end);
}

/**
 * Every live process-group leader whose environment carries `DROVER_SUPERVISOR=<supervisorTag>`:
 * the programs a previous supervisor on this root spawned, including one spawned just before a
 * crash, before its pid could be saved. Group leaders only: a program's own children inherit the
 * tag but are not programs.
 */
export function scanTaggedProcesses(supervisorTag: string): TaggedProcess[] {
  const found: TaggedProcess[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
    } catch {
      continue;
    }
    if (tagValue(environ, 'DROVER_SUPERVISOR') !== supervisorTag) continue;
    const program = tagValue(environ, 'DROVER_PROGRAM');
    const stat = readProcStat(pid);
    if (program === undefined || stat === undefined) continue;
    if (stat.pgrp !== pid || stat.state === 'Z') continue;
    found.push({ pid, program, startTicks: stat.startTicks });
  }
  return found;
}

let bootTimeMs: number | undefined;

/** When a process that started `startTicks` clock ticks after boot started (USER_HZ is 100). */
export function startTimeFromTicks(startTicks: number): Date {
  if (bootTimeMs === undefined) {
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'latin1'))?.[1];
    bootTimeMs = Number(btime ?? 0) * 1000;
  }
  return new Date(bootTimeMs + startTicks * 10);
}
