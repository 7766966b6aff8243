import { commonErrors, type Log } from '@drover/contracts';
import { expandInstances } from '../config/instances.js';
import { normalizeSpec, sameSpec, type ProgramSpecInput } from '../config/program-spec.js';
import { supervisorErrors } from '../errors.js';
import type { FifoChannel } from '../fifo/fifo-channel.js';
import type { DefinitionsStore, Origin } from '../state/definitions-store.js';
import {
  isSameLiveProcess,
  readProcStat,
  scanTaggedProcesses,
  startTimeFromTicks,
  type TaggedProcess,
} from '../state/proc.js';
import type { Desired, RuntimeRecord, RuntimeStore } from '../state/runtime-store.js';
import { resolveAccount } from './accounts.js';
import { Program, type Definition } from './program.js';
import type { ProcessRunner } from './process-runner.js';
import { hasProcess, isResting } from './states.js';
import { allows } from './transitions.js';

export type Action = 'start' | 'stop' | 'restart' | 'once';

export interface ActionOutcome {
  reached: boolean;
  program: Program;
}

export interface ReloadOutcome {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

export interface ProgramManagerDeps {
  runner: ProcessRunner;
  fifos: FifoChannel;
  runtime: RuntimeStore;
  definitions: DefinitionsStore;
  log: Log;
  root: string;
  historySize: number;
  baseEnv: Readonly<Record<string, string | undefined>>;
  /** Identifies this supervisor's children in /proc/<pid>/environ (its root). */
  supervisorTag: string;
  isRoot: boolean;
  onRestart?: (program: Program, seconds: number) => void;
}

const byPriority = (a: Program, b: Program) =>
  a.spec.priority - b.spec.priority || a.name.localeCompare(b.name);

/**
 * The program registry: defines, replaces and removes programs (with their origin), runs
 * operator actions, adopts what an earlier supervisor left running, and applies reloads. Issue 5's
 * release publish defines programs through `define(…, 'release')`, the same path as the API.
 */
export class ProgramManager {
  private readonly programs = new Map<string, Program>();
  private readonly inflight = new Map<string, Promise<ActionOutcome>>();
  private readonly ticksByPid = new Map<number, number>();
  private flushArmed = false;
  /** Set by stopAll: nothing may start any more. */
  private closing = false;

  constructor(private readonly deps: ProgramManagerDeps) {}

  list(): Program[] {
    return [...this.programs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): Program {
    const p = this.programs.get(name);
    if (p === undefined) throw supervisorErrors.unknownProgram(name);
    return p;
  }

  has(name: string): boolean {
    return this.programs.has(name);
  }

  /**
   * Boot: defines the config's and the stored programs, adopts every one still running from an
   * earlier supervisor (same pid and start time, or found by its environment tag), and starts the
   * rest whose desired state is up, in priority order.
   */
  async boot(configPrograms: Record<string, ProgramSpecInput>): Promise<void> {
    const records = this.deps.runtime.load();
    const stored = this.deps.definitions.load();
    const defs: { name: string; def: Definition }[] = [];
    for (const [group, input] of Object.entries(configPrograms)) {
      for (const { name, input: i, extraEnv } of expandInstances(group, input)) {
        if (name in stored) continue; // a run-time definition wins over the file's
        defs.push({ name, def: this.definitionOf(name, i, 'config', extraEnv) });
      }
    }
    for (const [name, s] of Object.entries(stored)) {
      defs.push({ name, def: this.definitionOf(name, s.spec, s.origin) });
    }
    await this.deps.fifos.ensure(defs.map((d) => d.name));
    for (const { name, def } of defs) this.create(name, def, records[name]?.desired);

    const tagged = new Map<string, TaggedProcess[]>();
    for (const t of scanTaggedProcesses(this.deps.supervisorTag)) {
      tagged.set(t.program, [...(tagged.get(t.program) ?? []), t]);
    }
    for (const [name, found] of tagged) {
      if (this.programs.has(name)) continue;
      // Its definition is gone (removed while no supervisor ran): it must not run on.
      for (const t of found) this.killGroup(t.pid, `${name} is no longer defined`);
    }
    for (const program of [...this.programs.values()].sort(byPriority)) {
      this.bootOne(program, records[program.name], tagged.get(program.name) ?? []);
    }
    this.flushNow();
  }

  private bootOne(program: Program, record: RuntimeRecord | undefined, tagged: TaggedProcess[]) {
    const live: TaggedProcess[] = tagged.filter((t) => isSameLiveProcess(t.pid, t.startTicks));
    if (
      record?.pid !== undefined &&
      record.startTicks !== undefined &&
      !live.some((t) => t.pid === record.pid) &&
      isSameLiveProcess(record.pid, record.startTicks)
    ) {
      live.push({ pid: record.pid, program: program.name, startTicks: record.startTicks });
    }
    if (live.length > 0) {
      // The recorded process if it lives, else the newest; any other copy goes.
      live.sort((a, b) => b.startTicks - a.startTicks);
      const keep = live.find((t) => t.pid === record?.pid) ?? live[0];
      if (keep === undefined) return;
      for (const t of live) if (t !== keep) this.killGroup(t.pid, `duplicate of ${program.name}`);
      const sameAsRecord = keep.pid === record?.pid && keep.startTicks === record.startTicks;
      const startedAt =
        sameAsRecord && record?.startedAt !== undefined
          ? new Date(record.startedAt)
          : startTimeFromTicks(keep.startTicks);
      this.ticksByPid.set(keep.pid, keep.startTicks);
      program.adopt(keep.pid, keep.startTicks, startedAt, sameAsRecord && record?.ready === true);
      this.deps.log.info({ program: program.name, pid: keep.pid }, 'adopted');
      if (program.desired === 'down') program.dispatch('stop', 'desired down');
      return;
    }
    if (program.desired === 'up') {
      program.dispatch('start', record === undefined ? 'autostart' : 'desired up');
    }
  }

  /**
   * Defines a program or replaces its definition. An identical definition changes nothing (the
   * pid stays); a changed one restarts the program if it runs. Run-time origins are persisted.
   */
  async define(
    name: string,
    input: ProgramSpecInput,
    origin: Origin,
    extraEnv: Record<string, string> = {},
  ): Promise<{ created: boolean; program: Program }> {
    const def = this.definitionOf(name, input, origin, extraEnv);
    const existing = this.programs.get(name);
    if (existing?.holder !== undefined) throw supervisorErrors.programBusy(name, existing.holder);
    if (origin !== 'config') {
      this.deps.definitions.put(name, { origin, spec: input, definedAt: new Date().toISOString() });
    } else {
      this.deps.definitions.delete(name);
    }
    if (existing === undefined) {
      await this.deps.fifos.ensure([name]);
      const program = this.create(name, def, undefined);
      if (program.desired === 'up') program.dispatch('start', `defined (${origin})`);
      this.flushNow();
      return { created: true, program };
    }
    if (sameSpec(existing.spec, def.spec)) {
      existing.definition = def;
      return { created: false, program: existing };
    }
    await this.replace(existing, def);
    return { created: false, program: existing };
  }

  /** Stops a program and forgets it (its FIFOs too). */
  async remove(name: string, options: { allowConfig?: boolean } = {}): Promise<void> {
    const program = this.get(name);
    if (program.definition.origin === 'config' && options.allowConfig !== true) {
      throw supervisorErrors.definedByConfig(name);
    }
    if (program.holder !== undefined) throw supervisorErrors.programBusy(name, program.holder);
    program.holder = 'remove';
    try {
      await this.stopAndWait(program, 'removed');
    } finally {
      program.holder = undefined;
    }
    program.detach();
    program.closeOutput();
    this.programs.delete(name);
    this.deps.fifos.remove(name);
    this.deps.definitions.delete(name);
    this.deps.runtime.delete(name);
    this.flushNow();
  }

  /**
   * start / stop / restart / once. Answers once the target is reached or `waitMs` passes. The same
   * action already running is joined; a stop takes over from a start; anything else that holds
   * the program is a conflict.
   */
  act(
    name: string,
    action: Action,
    waitMs: number,
    options: { operation?: string } = {},
  ): Promise<ActionOutcome> {
    const program = this.get(name);
    if (this.closing) throw commonErrors.unavailable('the supervisor is stopping');
    if (options.operation !== undefined && program.holder === options.operation) {
      // The operation that holds the program acts on it (a publish restarting its programs).
      return this.runAction(program, action, waitMs);
    }
    const holder = program.holder;
    if (holder === action) {
      const joined = this.inflight.get(name);
      if (joined !== undefined) return joined;
    }
    const preempts = action === 'stop' && (holder === 'start' || holder === 'once');
    if (holder !== undefined && holder !== action && !preempts) {
      throw supervisorErrors.programBusy(name, holder);
    }
    if (action !== 'stop' && program.state === 'STOPPING') {
      throw supervisorErrors.programBusy(name, 'stop');
    }
    program.holder = action;
    const run = this.runAction(program, action, waitMs).finally(() => {
      if (this.inflight.get(name) === run) {
        this.inflight.delete(name);
        if (program.holder === action) program.holder = undefined;
      }
    });
    this.inflight.set(name, run);
    return run;
  }

  /**
   * Holds programs for one operation (a release publish): any other operation on them gets 409
   * until the returned release function runs. The holder acts through `act(…, {operation})`.
   */
  hold(names: readonly string[], operation: string): () => void {
    const programs = names.map((n) => this.get(n));
    const busy = programs.find((p) => p.holder !== undefined);
    if (busy?.holder !== undefined) throw supervisorErrors.programBusy(busy.name, busy.holder);
    for (const p of programs) p.holder = operation;
    return () => {
      for (const p of programs) if (p.holder === operation) p.holder = undefined;
    };
  }

  signal(name: string, signal: NodeJS.Signals): Program {
    const program = this.get(name);
    if (program.holder !== undefined) throw supervisorErrors.programBusy(name, program.holder);
    if (!hasProcess(program.state) || !program.signal(signal)) {
      throw supervisorErrors.notRunning(name, program.state);
    }
    this.deps.log.info({ program: name, signal }, 'signal sent');
    return program;
  }

  /** Applies a new config's programs: unchanged keep their pid, changed restart, removed stop. */
  async reload(configPrograms: Record<string, ProgramSpecInput>): Promise<ReloadOutcome> {
    const outcome: ReloadOutcome = { added: [], changed: [], removed: [], unchanged: [] };
    const wanted = new Map<string, { input: ProgramSpecInput; extraEnv: Record<string, string> }>();
    for (const [group, input] of Object.entries(configPrograms)) {
      for (const e of expandInstances(group, input)) wanted.set(e.name, e);
    }
    // Validate everything first, so a bad file changes nothing.
    const defs = new Map<string, Definition>();
    for (const [name, w] of wanted)
      defs.set(name, this.definitionOf(name, w.input, 'config', w.extraEnv));
    const work: Promise<unknown>[] = [];
    for (const program of this.list()) {
      if (program.definition.origin !== 'config') continue;
      if (!wanted.has(program.name)) {
        outcome.removed.push(program.name);
        work.push(this.remove(program.name, { allowConfig: true }));
      }
    }
    const added: string[] = [];
    for (const [name, def] of defs) {
      const existing = this.programs.get(name);
      if (existing === undefined) {
        added.push(name);
      } else if (existing.definition.origin !== 'config') {
        outcome.unchanged.push(name); // defined at run time: a reload leaves it alone
      } else if (sameSpec(existing.spec, def.spec)) {
        existing.definition = def;
        outcome.unchanged.push(name);
      } else {
        outcome.changed.push(name);
        work.push(this.replace(existing, def));
      }
    }
    await this.deps.fifos.ensure(added);
    const fresh = added.map((name) => this.create(name, defs.get(name) as Definition, undefined));
    for (const p of fresh.sort(byPriority))
      if (p.desired === 'up') p.dispatch('start', 'reload: added');
    outcome.added = added;
    await Promise.all(work);
    this.flushNow();
    for (const list of Object.values(outcome)) (list as string[]).sort();
    return outcome;
  }

  /** Stops every program, highest priority number first, each group within its stop_timeout. */
  async stopAll(): Promise<void> {
    this.closing = true;
    const groups = new Map<number, Program[]>();
    for (const p of this.programs.values()) {
      groups.set(p.spec.priority, [...(groups.get(p.spec.priority) ?? []), p]);
    }
    for (const priority of [...groups.keys()].sort((a, b) => b - a)) {
      await Promise.all(
        (groups.get(priority) ?? []).map((p) => this.stopAndWait(p, 'supervisor stopping')),
      );
    }
    this.flushNow();
  }

  /** Leaves every process running, saving what the next supervisor needs to adopt them. */
  detach(): void {
    this.flushNow();
    for (const p of this.programs.values()) p.detach();
  }

  // ---- internals ----

  private definitionOf(
    name: string,
    input: ProgramSpecInput,
    origin: Origin,
    extraEnv: Record<string, string> = {},
  ): Definition {
    const spec = normalizeSpec(name, input, this.deps.root, extraEnv);
    const account = resolveAccount(name, spec, this.deps.isRoot);
    return { spec, input, origin, account };
  }

  private create(name: string, def: Definition, desired: Desired | undefined): Program {
    const program = new Program(name, def, this.deps.fifos.open(name), {
      runner: this.deps.runner,
      log: this.deps.log,
      historySize: this.deps.historySize,
      baseEnv: this.deps.baseEnv,
      supervisorTag: this.deps.supervisorTag,
      onChange: () => this.armFlush(),
      onRestart: (p, s) => this.deps.onRestart?.(p, s),
    });
    if (desired !== undefined) program.desired = desired;
    this.programs.set(name, program);
    return program;
  }

  private async replace(program: Program, def: Definition): Promise<void> {
    if (program.holder !== undefined)
      throw supervisorErrors.programBusy(program.name, program.holder);
    program.holder = 'replace';
    try {
      const wasRunning = !isResting(program.state);
      await this.stopAndWait(program, 'definition changed');
      program.definition = def;
      if (wasRunning && program.desired !== 'down') program.dispatch('start', 'definition changed');
    } finally {
      program.holder = undefined;
    }
  }

  private async stopAndWait(program: Program, reason: string): Promise<void> {
    if (allows(program.state, 'stop')) program.dispatch('stop', reason);
    // stop_timeout then SIGKILL bounds this; the margin covers the kill's delivery.
    await program.waitUntil(() => isResting(program.state), program.spec.stopTimeoutMs + 5000);
  }

  private setDesired(program: Program, desired: Desired): void {
    if (program.desired === desired) return;
    program.desired = desired;
    this.flushNow(); // a `down` must be on disk before the caller hears it is done
  }

  private async runAction(
    program: Program,
    action: Action,
    waitMs: number,
  ): Promise<ActionOutcome> {
    const deadline = Date.now() + waitMs;
    const left = () => Math.max(0, deadline - Date.now());
    const upTarget = () =>
      (program.state === 'RUNNING' && (program.ready || program.spec.ready === undefined)) ||
      program.state === 'FATAL';
    switch (action) {
      case 'stop': {
        this.setDesired(program, 'down');
        if (allows(program.state, 'stop')) program.dispatch('stop', 'requested');
        const reached = await program.waitUntil(() => isResting(program.state), left());
        return { reached, program };
      }
      case 'start':
      case 'once': {
        this.setDesired(program, action === 'once' ? 'once' : 'up');
        program.dispatch(action, 'requested');
        const wanted = action === 'once' ? 'once' : 'up';
        const done = () =>
          program.desired !== wanted ||
          upTarget() ||
          (action === 'once' && program.state === 'EXITED');
        await program.waitUntil(done, left());
        return {
          reached:
            (upTarget() && program.state === 'RUNNING') ||
            (action === 'once' && program.state === 'EXITED'),
          program,
        };
      }
      case 'restart': {
        this.setDesired(program, 'up');
        if (!isResting(program.state)) {
          program.dispatch('stop', 'restart requested');
          const stopped = await program.waitUntil(() => isResting(program.state), left());
          if (!stopped || this.closing) return { reached: false, program };
        }
        program.dispatch('start', 'restart requested');
        await program.waitUntil(upTarget, left());
        return { reached: program.state === 'RUNNING' && upTarget(), program };
      }
    }
  }

  private killGroup(pid: number, why: string): void {
    this.deps.log.warn({ pid, why }, 'killing a leftover process group');
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }

  private armFlush(): void {
    if (this.flushArmed) return;
    this.flushArmed = true;
    this.deps.runner.timer(0, () => this.flushNow());
  }

  /** Writes runtime.json: desired state, pid, start time, readiness of every program. */
  flushNow(): void {
    this.flushArmed = false;
    const live = new Set<number>();
    for (const p of this.programs.values()) {
      const pid = p.pid;
      const record: RuntimeRecord = { desired: p.desired };
      if (pid !== undefined && hasProcess(p.state)) {
        let ticks = this.ticksByPid.get(pid);
        if (ticks === undefined) {
          ticks = readProcStat(pid)?.startTicks;
          if (ticks !== undefined) this.ticksByPid.set(pid, ticks);
        }
        if (ticks !== undefined) {
          live.add(pid);
          record.pid = pid;
          record.startTicks = ticks;
          record.startedAt = p.startedAt?.toISOString();
          record.ready = p.ready;
        }
      }
      this.deps.runtime.set(p.name, record);
    }
    for (const pid of this.ticksByPid.keys()) if (!live.has(pid)) this.ticksByPid.delete(pid);
    this.deps.runtime.flush();
  }
}
