// `npm run bench -- supervisor [--kills 20] [--gap 1300] [--idle 30] [--sizes 10,100,1000]
//   [--systems drover,daemontools,runit,supervisord]`
//
// Restart latency as TARGETS.md measures it: SIGKILL the program, then one small poller reads its
// supervisor's /proc/<pid>/task/*/children until a new process with the program's unique command
// line (`sleep 100000.<digits>`) appears. Then supervisor memory at 10 / 100 / 1000 programs and
// CPU used while idle, for drover and for every alternative installed here, in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  childWithMarker,
  childrenOf,
  cmdline,
  cpuTicks,
  pidsWithMarker,
  pssKiB,
  rssKiB,
} from './supervisor-proc.js';
import { SYSTEMS, type Running, type System } from './supervisor-systems.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

const KILLS = Number(option('kills', '20'));
const GAP_MS = Number(option('gap', '1300'));
const IDLE_S = Number(option('idle', '30'));
const SIZES = option('sizes', '10,100,1000').split(',').map(Number);
const IDLE_SIZE = SIZES.includes(100) ? 100 : (SIZES[0] ?? 10);
const WANTED = option('systems', SYSTEMS.map((s) => s.name).join(',')).split(',');
const RUN = String(process.pid).padStart(7, '0').slice(-7);

const systems = SYSTEMS.filter((s) => WANTED.includes(s.name));
for (const s of systems) if (!s.installed) console.log(`# ${s.name}: not installed, skipped`);
const present = systems.filter((s) => s.installed);

/** `100000.<run><system><index>`: unique per program, so the poller finds exactly it. */
const marker = (sys: number, i: number) => `100000.${RUN}${sys}${String(i).padStart(4, '0')}`;

function cleanup(): void {
  for (const pid of pidsWithMarker(`100000.${RUN}`)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/** How many of `markers` run as a direct child of one of the supervisors. */
function programsUp(r: Running, markers: string[]): number {
  const want = new Set(markers);
  let n = 0;
  for (const sup of r.supervisors()) {
    for (const c of childrenOf(sup)) {
      if (want.has(cmdline(c).trim().split(' ').at(-1) ?? '')) n += 1;
    }
  }
  return n;
}

async function waitUp(
  name: string,
  r: Running,
  markers: string[],
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (programsUp(r, markers) === markers.length) return true;
    await sleep(100);
  }
  console.log(`# ${name}: only ${programsUp(r, markers)}/${markers.length} programs came up`);
  return false;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');

async function latency(sys: System, index: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), `bench-${sys.name}-`));
  const m = marker(index, 9999);
  const r = sys.start(dir, [m]);
  const samples: number[] = [];
  try {
    if (!(await waitUp(sys.name, r, [m], 30_000))) return samples;
    await sleep(500); // past start_secs
    const parent = r.supervisors()[0] ?? 0;
    for (let k = 0; k < KILLS; k++) {
      const old = childWithMarker(parent, m);
      if (old === undefined) {
        await sleep(100);
        continue;
      }
      const t0 = process.hrtime.bigint();
      process.kill(old, 'SIGKILL');
      // One small busy poller, the same for every system.
      const deadline = t0 + 5_000_000_000n;
      for (;;) {
        const now = childWithMarker(parent, m);
        if (now !== undefined && now !== old) {
          samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
          break;
        }
        if (process.hrtime.bigint() > deadline) break;
      }
      await sleep(GAP_MS);
    }
  } finally {
    await r.stop();
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
  return samples;
}

interface Footprint {
  kib: Map<number, number>;
  idleTicks: number | undefined;
  processes: Map<number, number>;
}

/** Memory of the supervising processes: RSS of one process, or PSS summed over many. */
function memoryKiB(r: Running): { kib: number; processes: number } {
  const sups = r.supervisors();
  if (sups.length === 1) return { kib: rssKiB(sups[0] ?? 0), processes: 1 };
  return { kib: sups.reduce((n, p) => n + pssKiB(p), 0), processes: sups.length };
}

async function footprints(): Promise<Map<string, Footprint>> {
  const result = new Map<string, Footprint>();
  for (const s of present)
    result.set(s.name, { kib: new Map(), idleTicks: undefined, processes: new Map() });
  for (const size of SIZES) {
    const started: { sys: System; r: Running; dir: string }[] = [];
    try {
      for (const sys of present) {
        const index = SYSTEMS.indexOf(sys);
        const dir = mkdtempSync(join(tmpdir(), `bench-${sys.name}-`));
        const markers = Array.from({ length: size }, (_, i) => marker(index, i));
        const r = sys.start(dir, markers);
        started.push({ sys, r, dir });
        const ok = await waitUp(sys.name, r, markers, 120_000);
        if (!ok) continue;
      }
      await sleep(2000); // let start-up work settle
      for (const { sys, r } of started) {
        const m = memoryKiB(r);
        result.get(sys.name)?.kib.set(size, m.kib);
        result.get(sys.name)?.processes.set(size, m.processes);
      }
      if (size === IDLE_SIZE) {
        const ticks = (r: Running) => r.supervisors().reduce((n, p) => n + cpuTicks(p), 0);
        const before = started.map(({ r }) => ticks(r));
        console.log(`# idle: ${IDLE_S} s with ${size} programs each…`);
        await sleep(IDLE_S * 1000);
        started.forEach(({ sys, r }, i) => {
          const f = result.get(sys.name);
          if (f) f.idleTicks = ticks(r) - (before[i] ?? 0);
        });
      }
    } finally {
      for (const { r, dir } of started) {
        await r.stop();
        rmSync(dir, { recursive: true, force: true });
      }
      cleanup();
    }
  }
  return result;
}

console.log(
  `# supervisor bench: ${KILLS} kills ${GAP_MS} ms apart; sizes ${SIZES.join('/')}; idle ${IDLE_S} s`,
);
const lat = new Map<string, number[]>();
for (const sys of present) {
  console.log(`# restart latency: ${sys.name}…`);
  lat.set(sys.name, await latency(sys, SYSTEMS.indexOf(sys)));
}
const foot = await footprints();

const droverMedian = quantile(
  [...(lat.get('drover') ?? [])].sort((a, b) => a - b),
  0.5,
);
console.log('\n## restart latency after SIGKILL (ms, measured from outside)\n');
console.log('| system | n | median | p90 | max | median vs drover |');
console.log('|---|---|---|---|---|---|');
for (const sys of present) {
  const s = [...(lat.get(sys.name) ?? [])].sort((a, b) => a - b);
  const med = quantile(s, 0.5);
  console.log(
    `| ${sys.name} | ${s.length} | ${fmt(med)} | ${fmt(quantile(s, 0.9))} | ${fmt(s.at(-1) ?? NaN)} | ${fmt(med / droverMedian, 1)}× |`,
  );
}
console.log(
  '\n## supervisor memory (KiB; RSS of one process, or PSS summed over per-program supervisors)\n',
);
console.log(
  `| system | ${SIZES.map((n) => `${n} programs`).join(' | ')} | per extra program | idle CPU ticks in ${IDLE_S} s (${IDLE_SIZE} programs) |`,
);
console.log(`|---|${SIZES.map(() => '---').join('|')}|---|---|`);
for (const sys of present) {
  const f = foot.get(sys.name);
  if (f === undefined) continue;
  const first = SIZES[0] ?? 0;
  const last = SIZES.at(-1) ?? 0;
  const per = ((f.kib.get(last) ?? NaN) - (f.kib.get(first) ?? NaN)) / (last - first);
  const cells = SIZES.map(
    (n) =>
      `${f.kib.get(n) ?? '—'}${(f.processes.get(n) ?? 1) > 1 ? ` (${f.processes.get(n)} procs)` : ''}`,
  );
  console.log(
    `| ${sys.name} | ${cells.join(' | ')} | ${fmt(per, 1)} KiB | ${f.idleTicks ?? '—'} |`,
  );
}
