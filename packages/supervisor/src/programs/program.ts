import type { Log } from '@drover/contracts';
import type { ProgramSpec, ProgramSpecInput } from '../config/program-spec.js';
import type { ProgramOutput } from '../fifo/fifo-channel.js';
import type { Origin } from '../state/definitions-store.js';
import type { Desired } from '../state/runtime-store.js';
import type { Account } from './accounts.js';
import { buildEnvironment } from './environment.js';
import { History } from './history.js';
import type { ExitInfo, ProcessHandle, ProcessRunner, Cancel } from './process-runner.js';
import { watchReadiness } from './readiness.js';
import { hasProcess, type ProgramState } from './states.js';
import {
  backoffDelay,
  classifyExit,
  transition,
  type Effect,
  type ProgramEvent,
} from './transitions.js';

export interface LastExit {
  code: number | null;
  signal: string | null;
  at: string;
  reason: string;
}

export interface ProgramDeps {
  runner: ProcessRunner;
  log: Log;
  historySize: number;
  baseEnv: Readonly<Record<string, string | undefined>>;
  supervisorTag: string;
  /** Something worth persisting or showing changed (state, pid, readiness). */
  onChange: (program: Program) => void;
  /** A crashed program was spawned again: exit → spawn took this long. */
  onRestart: (program: Program, seconds: number) => void;
}

export interface Definition {
  spec: ProgramSpec;
  input: ProgramSpecInput;
  origin: Origin;
  account: Account | undefined;
}

function describeExit(info: ExitInfo): string {
  if (info.error !== undefined) return `could not start: ${info.error}`;
  if (!info.known) return 'exited (status unknown: adopted process)';
  if (info.signal !== null) return `killed by ${info.signal}`;
  return `exited with code ${info.code ?? '?'}`;
}

/**
 * One supervised program: its definition, its state in the table, its process. Every change of
 * state goes through `dispatch`, which looks the transition up in the table and carries out its
 * effects through the runner.
 */
export class Program {
  state: ProgramState = 'STOPPED';
  /** The readiness check passed for the current process. */
  private readySeen = false;
  desired: Desired;
  failures = 0;
  restarts = 0;
  lastExit: LastExit | undefined;
  startedAt: Date | undefined;
  handle: ProcessHandle | undefined;
  /** The operation (`restart`, a release publish…) that holds this program, if any. */
  holder: string | undefined;
  private readonly history: History;
  private cancelTimer: Cancel | undefined;
  private readonly listeners = new Set<() => void>();
  private exitAt: bigint | undefined;

  constructor(
    readonly name: string,
    public definition: Definition,
    private readonly output: ProgramOutput,
    private readonly deps: ProgramDeps,
  ) {
    this.desired = definition.spec.autostart ? 'up' : 'down';
    this.history = new History(deps.historySize);
  }

  /** Ready: its check passed, or (without a check) it is RUNNING. */
  get ready(): boolean {
    if (this.spec.ready === undefined) return this.state === 'RUNNING';
    return this.readySeen && hasProcess(this.state);
  }

  get spec(): ProgramSpec {
    return this.definition.spec;
  }

  get pid(): number | undefined {
    return this.handle?.pid;
  }

  get adopted(): boolean {
    return this.handle?.adopted ?? false;
  }

  historyEntries() {
    return this.history.list();
  }

  /** Feeds one event to the table; an event it does not allow throws. */
  dispatch(event: ProgramEvent, reason: string): void {
    const from = this.state;
    const t = transition(from, event);
    this.state = t.to;
    if (from !== t.to || t.effects.length > 0) {
      this.history.push({ at: new Date().toISOString(), from, to: t.to, event, reason });
    }
    for (const effect of t.effects) this.apply(effect);
    if (from !== t.to) {
      this.deps.log.info({ program: this.name, from, to: t.to, event, reason }, 'transition');
    }
    this.changed();
  }

  /** Takes over a live process found after a supervisor restart. */
  adopt(pid: number, startTicks: number, startedAt: Date, ready: boolean): void {
    const handle: ProcessHandle = this.deps.runner.adopt(pid, startTicks, (info) =>
      this.processGone(handle, info),
    );
    this.handle = handle;
    this.startedAt = startedAt;
    this.readySeen = ready;
    this.dispatch('adopted', `pid ${pid} still running after a supervisor restart`);
    if (!ready && this.spec.ready !== undefined && !('notify_fd' in this.spec.ready)) {
      this.watchReady(handle, this.environment());
    }
  }

  signal(signal: NodeJS.Signals): boolean {
    return this.handle !== undefined && this.deps.runner.signal(this.handle, signal);
  }

  /** Resolves true once `done()` holds, false when `ms` passes first. */
  waitUntil(done: () => boolean, ms: number): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        this.listeners.delete(check);
        cancel();
        resolve(true);
      };
      this.listeners.add(check);
      const cancel = this.deps.runner.timer(ms, () => {
        this.listeners.delete(check);
        resolve(done());
      });
    });
  }

  /** Calls `listener` after every change of state, pid or readiness; answers the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Lets go of the fds (the program is removed). */
  closeOutput(): void {
    this.output.close();
  }

  /** Forgets timers without touching the process (the supervisor is leaving). */
  detach(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private changed(): void {
    this.deps.onChange(this);
    for (const l of [...this.listeners]) l();
  }

  private apply(effect: Effect): void {
    switch (effect) {
      case 'spawn':
        this.spawnProcess();
        return;
      case 'arm-start-timer':
        this.arm(this.spec.startSecsMs, () =>
          this.dispatch('started', `up for ${this.spec.startSecsMs} ms`),
        );
        return;
      case 'arm-backoff-timer': {
        const delay = backoffDelay(this.failures, this.spec.backoff);
        this.arm(delay, () => this.dispatch('backoff-over', `backoff of ${delay} ms over`));
        return;
      }
      case 'send-stop-signal':
        if (this.handle !== undefined) {
          this.deps.runner.stop(
            this.handle,
            `SIG${this.spec.stopSignal}` as NodeJS.Signals,
            this.spec.stopTimeoutMs,
          );
        }
        return;
      case 'cancel-timers':
        this.cancelTimer?.();
        this.cancelTimer = undefined;
        return;
      case 'count-failure':
        this.failures += 1;
        return;
      case 'reset-failures':
        this.failures = 0;
        return;
      case 'count-restart':
        this.restarts += 1;
        return;
    }
  }

  private arm(ms: number, fn: () => void): void {
    this.cancelTimer?.();
    this.cancelTimer = this.deps.runner.timer(ms, () => {
      this.cancelTimer = undefined;
      try {
        fn();
      } catch (err) {
        this.deps.log.error({ err, program: this.name, state: this.state }, 'timer not handled');
      }
    });
  }

  private environment(): Record<string, string> {
    return buildEnvironment({
      spec: this.spec,
      name: this.name,
      baseEnv: this.deps.baseEnv,
      supervisorTag: this.deps.supervisorTag,
      account: this.definition.account,
    });
  }

  private spawnProcess(): void {
    const spec = this.spec;
    const account = this.definition.account;
    let handle: ProcessHandle;
    let env: Record<string, string>;
    try {
      env = this.environment();
      const notifyFd =
        spec.ready !== undefined && 'notify_fd' in spec.ready ? spec.ready.notify_fd : undefined;
      handle = this.deps.runner.spawn(
        {
          argv: spec.argv,
          cwd: spec.directory,
          env,
          uid: account?.uid,
          gid: account?.gid,
          umask: spec.umask,
          stdout: this.output.stdout,
          stderr: this.output.stderr,
          notifyFd,
        },
        (info) => this.processGone(handle, info),
      );
    } catch (err) {
      // A synchronous failure (unreadable env_dir, bad uid…) is an exit like any other, handed
      // back on the next turn so the transition that asked for the spawn completes first.
      const failed: ProcessHandle = { pid: undefined, adopted: false, notify: undefined };
      this.handle = failed;
      const message = err instanceof Error ? err.message : String(err);
      this.deps.runner.timer(0, () =>
        this.processGone(failed, { code: null, signal: null, known: true, error: message }),
      );
      return;
    }
    this.handle = handle;
    this.startedAt = new Date();
    this.readySeen = false;
    if (this.exitAt !== undefined) {
      this.deps.onRestart(this, Number(process.hrtime.bigint() - this.exitAt) / 1e9);
      this.exitAt = undefined;
    }
    if (spec.ready !== undefined) this.watchReady(handle, env);
  }

  private watchReady(handle: ProcessHandle, env: Record<string, string>): void {
    const ready = this.spec.ready;
    if (ready === undefined) return;
    watchReadiness({
      spec: ready,
      handle,
      runner: this.deps.runner,
      env,
      cwd: this.spec.directory,
      current: () => this.handle === handle && hasProcess(this.state),
      onReady: () => {
        this.readySeen = true;
        this.deps.log.info({ program: this.name, pid: handle.pid }, 'ready');
        this.changed();
      },
    });
  }

  private processGone(handle: ProcessHandle | undefined, info: ExitInfo): void {
    try {
      this.handleExit(handle, info);
    } catch (err) {
      // An exit the table does not allow is a bug: say so loudly, keep supervising the rest.
      this.deps.log.error({ err, program: this.name, state: this.state }, 'exit not handled');
    }
  }

  private handleExit(handle: ProcessHandle | undefined, info: ExitInfo): void {
    if (handle === undefined || handle !== this.handle) return;
    this.exitAt = process.hrtime.bigint();
    this.handle = undefined;
    this.readySeen = false;
    const reason = describeExit(info);
    this.lastExit = {
      code: info.known ? info.code : null,
      signal: info.known ? info.signal : null,
      at: new Date().toISOString(),
      reason,
    };
    const spec = this.spec;
    const event = classifyExit({
      state: this.state,
      once: this.desired === 'once',
      autorestart: spec.autorestart,
      exitCodes: spec.exitCodes,
      code: info.code,
      signal: info.signal,
      failures: this.failures,
      startRetries: spec.startRetries,
    });
    this.dispatch(event, reason);
    if (this.handle === undefined) this.startedAt = undefined;
    this.exitAt = undefined;
  }
}
