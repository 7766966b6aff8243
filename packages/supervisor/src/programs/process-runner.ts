import { execFile, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import type { Readable } from 'node:stream';
import { isSameLiveProcess } from '../state/proc.js';

/** How a process ended. `known` is false for an adopted process: Node gets no exit status. */
export interface ExitInfo {
  code: number | null;
  signal: string | null;
  known: boolean;
  /** Set when the process could not be started at all (ENOENT, EACCES…). */
  error?: string;
}

export interface SpawnRequest {
  argv: readonly string[];
  cwd: string;
  env: Record<string, string>;
  uid?: number;
  gid?: number;
  umask?: number;
  /** Write fds for stdout and stderr (the program's FIFOs). */
  stdout: number;
  stderr: number;
  /** s6-style readiness: a pipe at this fd in the child. */
  notifyFd?: number;
}

/** One process of a program, spawned here or adopted from an earlier supervisor. */
export interface ProcessHandle {
  readonly pid: number | undefined;
  readonly adopted: boolean;
  /** The read end of the readiness pipe, when `notifyFd` was asked for. */
  readonly notify: Readable | undefined;
}

type ExitListener = (info: ExitInfo) => void;

interface HandleState extends ProcessHandle {
  pid: number | undefined;
  startTicks?: number;
  onExit: ExitListener;
  stopping: boolean;
  killTimer: NodeJS.Timeout | undefined;
  /** Set once the exit is reported: nothing about this process happens after. */
  done: boolean;
}

export type Cancel = () => void;

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Does any process of the group led by `pid` still exist? */
function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0);
}

/**
 * The only code that spawns, signals, or sets timers. Children are started detached (each its own
 * session and process group, so a stop reaches everything it started) and their 'exit' event is
 * handed straight to the listener, in the same stack, so a restart spawns synchronously in the
 * exit handler's path. Adopted processes have no exit event in Node (no pidfd, no subreaper):
 * they are watched by one light poll, the only polling loop here, which runs only while
 * adopted processes exist.
 */
export class ProcessRunner {
  private readonly adopted = new Set<HandleState>();
  private adoptPoll: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Spawned children whose exit is not reported yet, so `detach` can let go of them. */
  private readonly children = new Map<HandleState, ChildProcess>();

  constructor(private readonly options: { adoptPollMs: number; stopPollMs?: number }) {}

  spawn(req: SpawnRequest, onExit: ExitListener): ProcessHandle {
    const stdio: StdioOptions = ['ignore', req.stdout, req.stderr];
    if (req.notifyFd !== undefined) {
      while (stdio.length < req.notifyFd) stdio.push('ignore');
      stdio.push('pipe');
    }
    const [file, ...args] = req.argv;
    if (file === undefined) throw new Error('empty argv');
    // Node has no umask option: set ours around the synchronous fork, which copies it.
    const previousMask = req.umask === undefined ? undefined : process.umask(req.umask);
    let child;
    try {
      child = spawn(file, args, {
        cwd: req.cwd,
        env: req.env,
        stdio,
        detached: true,
        uid: req.uid,
        gid: req.gid,
      });
    } finally {
      if (previousMask !== undefined) process.umask(previousMask);
    }
    const notify =
      req.notifyFd === undefined
        ? undefined
        : ((child.stdio[req.notifyFd] as Readable | null) ?? undefined);
    const handle: HandleState = {
      pid: child.pid,
      adopted: false,
      notify,
      onExit,
      stopping: false,
      killTimer: undefined,
      done: false,
    };
    if (child.pid !== undefined) this.children.set(handle, child);
    child.once('exit', (code, signal) => this.leaderGone(handle, { code, signal, known: true }));
    child.once('error', (err) => {
      // Spawn failures (ENOENT, EACCES) arrive here with no pid and no 'exit'.
      if (child.pid === undefined) {
        this.leaderGone(handle, { code: null, signal: null, known: true, error: err.message });
      }
    });
    return handle;
  }

  /** Takes over a process an earlier supervisor spawned; watches it by polling /proc. */
  adopt(pid: number, startTicks: number, onExit: ExitListener): ProcessHandle {
    const handle: HandleState = {
      pid,
      startTicks,
      adopted: true,
      notify: undefined,
      onExit,
      stopping: false,
      killTimer: undefined,
      done: false,
    };
    this.adopted.add(handle);
    this.armAdoptPoll();
    return handle;
  }

  /** Sends `signal` + SIGCONT to the process group, then SIGKILL to the group after `timeoutMs`. */
  stop(h: ProcessHandle, signal: NodeJS.Signals, timeoutMs: number): void {
    const handle = h as HandleState;
    if (handle.done || handle.pid === undefined || handle.stopping) return;
    const pid = handle.pid;
    handle.stopping = true;
    signalGroup(pid, signal);
    signalGroup(pid, 'SIGCONT');
    handle.killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL'), timeoutMs);
    if (handle.adopted) this.armAdoptPoll();
  }

  /** Sends a signal to the program's process (not its group), like `svc -h`. */
  signal(h: ProcessHandle, signal: NodeJS.Signals): boolean {
    const handle = h as HandleState;
    if (handle.done || handle.pid === undefined) return false;
    try {
      process.kill(handle.pid, signal);
      return true;
    } catch {
      return false;
    }
  }

  /** Runs `argv` to completion (exec readiness checks); resolves whether it exited 0. */
  check(argv: readonly string[], env: Record<string, string>, cwd: string, timeoutMs: number) {
    return new Promise<boolean>((resolve) => {
      const [file, ...args] = argv;
      if (file === undefined) {
        resolve(false);
        return;
      }
      execFile(file, args, { env, cwd, timeout: timeoutMs }, (err) => resolve(err === null));
    });
  }

  /** A one-shot timer; the returned function cancels it. */
  timer(ms: number, fn: () => void): Cancel {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
    return () => {
      clearTimeout(t);
      this.timers.delete(t);
    };
  }

  /** Stops every timer and poll, leaving processes alone (the supervisor is leaving). */
  detach(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.adoptPoll !== undefined) clearTimeout(this.adoptPoll);
    this.adoptPoll = undefined;
    for (const h of this.adopted) if (h.killTimer !== undefined) clearTimeout(h.killTimer);
    this.adopted.clear();
    // Their exits are the next supervisor's business now.
    for (const [handle, child] of this.children) {
      handle.done = true;
      if (handle.killTimer !== undefined) clearTimeout(handle.killTimer);
      handle.notify?.destroy();
      child.unref();
    }
    this.children.clear();
  }

  get adoptedCount(): number {
    return this.adopted.size;
  }

  /** The program's leader is gone: report now, unless a stop waits for its whole group. */
  private leaderGone(handle: HandleState, info: ExitInfo): void {
    if (handle.done) return;
    const pid = handle.pid;
    if (handle.stopping && pid !== undefined && groupAlive(pid)) {
      // Something it started ignores the stop signal: wait for the group (the kill timer ends it).
      const poll = () => {
        if (groupAlive(pid)) {
          setTimeout(poll, this.options.stopPollMs ?? 20);
          return;
        }
        this.report(handle, info);
      };
      setTimeout(poll, this.options.stopPollMs ?? 20);
      return;
    }
    this.report(handle, info);
    // A program's process group does not outlive it: anything it left behind goes too.
    if (pid !== undefined) signalGroup(pid, 'SIGKILL');
  }

  private report(handle: HandleState, info: ExitInfo): void {
    if (handle.done) return;
    handle.done = true;
    if (handle.killTimer !== undefined) clearTimeout(handle.killTimer);
    this.adopted.delete(handle);
    this.children.delete(handle);
    handle.onExit(info);
  }

  private armAdoptPoll(): void {
    if (this.adoptPoll !== undefined || this.adopted.size === 0) return;
    const stopping = [...this.adopted].some((h) => h.stopping);
    const ms = stopping ? (this.options.stopPollMs ?? 20) : this.options.adoptPollMs;
    this.adoptPoll = setTimeout(() => {
      this.adoptPoll = undefined;
      for (const h of [...this.adopted]) {
        if (h.pid !== undefined && isSameLiveProcess(h.pid, h.startTicks)) continue;
        this.adopted.delete(h);
        this.leaderGone(h, { code: null, signal: null, known: false });
      }
      this.armAdoptPoll();
    }, ms);
  }
}
