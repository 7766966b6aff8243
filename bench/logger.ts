// `npm run bench -- logger [--lines100 N] [--lines1k N] [--runs N]`: lines/s and MB/s from one
// producer (`cat` of a prepared file into a pipe) to rotated, timestamped files, for drover's
// logger (through a FIFO, the supervisor's channel), multilog `t` and s6-log `-b t` where
// installed, in the same run. Checks zero loss (every numbered line once, in order for drover).
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  constants,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { sha256Hex } from '@drover/contracts/http';
import {
  droverArgv,
  freePort,
  repoRoot,
  startChild,
  tempDir,
  waitFor,
} from '@drover/contracts/testing';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const ROTATE_BYTES = 10 * 1024 * 1024;
const KEEP = 1000;
const runs = option('runs', 1);
const cases = [
  { label: '100 B lines', lineBytes: 100, lines: option('lines100', 2_000_000) },
  { label: '1 KiB lines', lineBytes: 1024, lines: option('lines1k', 200_000) },
];

interface Result {
  system: string;
  seconds: number;
  lines: number;
  bytes: number;
  peakRssMb?: number;
  rssGrowthMb?: number;
  lost: number;
}

/** `<8-digit n> xxxx…\n`, each exactly `lineBytes` long. */
function makeInput(file: string, lines: number, lineBytes: number): void {
  const fd = openSync(file, 'w');
  const pad = 'x'.repeat(lineBytes - 10);
  let batch: string[] = [];
  for (let i = 0; i < lines; i++) {
    batch.push(`${String(i).padStart(8, '0')} ${pad}\n`);
    if (batch.length === 10_000) {
      writeFileSync(fd, batch.join(''));
      batch = [];
    }
  }
  writeFileSync(fd, batch.join(''));
  closeSync(fd);
}

/** Counts lines in every file of a log dir and checks the numbers come in order once each. */
async function checkOutput(dir: string, expected: number, inOrder: boolean): Promise<number> {
  const files = readdirSync(dir)
    .filter((f) => f !== 'lock' && f !== 'state' && !f.startsWith('.'))
    .sort((a, b) => (a === 'current' ? 1 : b === 'current' ? -1 : a < b ? -1 : 1));
  let next = 0;
  let count = 0;
  let ordered = true;
  for (const f of files) {
    const rl = createInterface({ input: createReadStream(join(dir, f)), crlfDelay: Infinity });
    for await (const line of rl) {
      if (line === '') continue;
      count++;
      if (inOrder) {
        const n = Number(/ (\d{8}) x/.exec(line)?.[1] ?? -1);
        if (n !== next) ordered = false;
        next = n + 1;
      }
    }
  }
  if (inOrder && !ordered) console.error(`  ${dir}: lines out of order or duplicated`);
  return expected - count;
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
}

async function runDrover(
  input: string,
  dir: string,
  lines: number,
  bytes: number,
): Promise<Result> {
  const root = join(dir, 'logs');
  const ingest = join(dir, 'fifo');
  mkdirSync(ingest, { recursive: true });
  const fifo = join(ingest, 'bench.out');
  execFileSync('mkfifo', [fifo]);
  const holder = openSync(fifo, constants.O_RDWR); // as the supervisor does
  const port = await freePort();
  const token = 'bench';
  const config = join(dir, 'logger.json');
  writeFileSync(
    config,
    JSON.stringify({
      listen: `127.0.0.1:${port}`,
      root,
      ingest,
      token_sha256: sha256Hex(token),
      rotate: { max_bytes: ROTATE_BYTES, keep: KEEP },
      log_level: 'warn',
    }),
  );
  const { command, args: argv } = droverArgv('logger', '--config', config);
  const logger = startChild(command, argv, { cwd: repoRoot });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('logger up', async () => (await fetch(`${url}/v1/health`)).ok, {
    timeoutMs: 20_000,
  });
  await waitFor('FIFO opened', () => existsSync(join(root, 'bench', 'current')), {
    timeoutMs: 5000,
  });
  const rssBefore = statusKb(logger.pid, 'VmRSS');
  const writer = openSync(fifo, constants.O_WRONLY);
  const started = process.hrtime.bigint();
  const cat = spawn('cat', [input], { stdio: ['ignore', writer, 'inherit'] });
  const catExited = once(cat, 'exit');
  closeSync(writer);
  const metric = new RegExp(`drover_logger_lines_written_total\\{program="bench"\\} (\\d+)`);
  let done = false;
  while (!done) {
    await sleep(5);
    const text = await (
      await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${token}` } })
    ).text();
    done = Number(metric.exec(text)?.[1] ?? 0) >= lines;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await catExited;
  const peak = statusKb(logger.pid, 'VmHWM');
  await logger.stop('SIGTERM');
  closeSync(holder);
  const lost = await checkOutput(join(root, 'bench'), lines, true);
  return {
    system: 'drover logger',
    seconds,
    lines,
    bytes,
    peakRssMb: peak / 1024,
    rssGrowthMb: (peak - rssBefore) / 1024,
    lost,
  };
}

/** `cat input | <argv…>`, timed until the logger exits at end of input (it has flushed). */
async function runPiped(
  system: string,
  argv: string[],
  input: string,
  dir: string,
  lines: number,
  bytes: number,
): Promise<Result> {
  const started = process.hrtime.bigint();
  const child = spawn('sh', ['-c', 'cat "$0" | "$@"', input, ...argv], { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`${system} exited with ${code}`);
  return { system, seconds, lines, bytes, lost: await checkOutput(dir, lines, false) };
}

function has(bin: string): boolean {
  return existsSync(`/usr/bin/${bin}`) || existsSync(`/bin/${bin}`);
}

const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

const tmp = tempDir('drover-bench-logger-');
try {
  console.log(`logger bench: ${runs} run(s) per case, rotation ${ROTATE_BYTES} B, keep ${KEEP}`);
  for (const c of cases) {
    const input = join(tmp.path, `input-${c.lineBytes}`);
    makeInput(input, c.lines, c.lineBytes);
    const bytes = c.lines * c.lineBytes;
    const results: Result[] = [];
    for (let r = 0; r < runs; r++) {
      const base = join(tmp.path, `${c.lineBytes}-${r}`);
      results.push(await runDrover(input, join(base, 'drover'), c.lines, bytes));
      if (has('multilog')) {
        const dir = join(base, 'multilog');
        results.push(
          await runPiped(
            'multilog t',
            ['multilog', 't', `s${Math.min(ROTATE_BYTES, 16777215)}`, `n${KEEP}`, dir],
            input,
            dir,
            c.lines,
            bytes,
          ),
        );
      }
      if (has('s6-log')) {
        const dir = join(base, 's6-log');
        results.push(
          await runPiped(
            's6-log -b t',
            ['s6-log', '-b', '--', 't', `s${ROTATE_BYTES}`, `n${KEEP}`, dir],
            input,
            dir,
            c.lines,
            bytes,
          ),
        );
      }
      execFileSync('rm', ['-rf', base]);
    }
    const best = new Map<string, Result>();
    for (const res of results) {
      const seen = best.get(res.system);
      if (!seen || res.seconds < seen.seconds)
        best.set(res.system, { ...res, lost: Math.max(res.lost, seen?.lost ?? 0) });
    }
    const drover = best.get('drover logger');
    console.log(`\n${c.label}: ${c.lines} lines, ${(bytes / 1e6).toFixed(0)} MB (best of ${runs})`);
    console.log(
      `${pad('system', 16)}${lpad('time', 9)}${lpad('lines/s', 12)}${lpad('MB/s', 9)}${lpad('drover ×', 10)}${lpad('lost', 7)}  peak RSS`,
    );
    for (const res of best.values()) {
      const ratio = drover ? res.seconds / drover.seconds : 1;
      console.log(
        `${pad(res.system, 16)}${lpad(res.seconds.toFixed(2) + ' s', 9)}${lpad((res.lines / res.seconds / 1e6).toFixed(2) + ' M', 12)}${lpad((res.bytes / res.seconds / 1e6).toFixed(0), 9)}${lpad(ratio.toFixed(2), 10)}${lpad(String(res.lost), 7)}  ${res.peakRssMb === undefined ? '' : `${res.peakRssMb.toFixed(0)} MB (+${(res.rssGrowthMb ?? 0).toFixed(0)} MB)`}`,
      );
    }
  }
  console.log(
    '\n"drover ×": how many times longer the system took than drover (>1: drover is faster).',
  );
} finally {
  tmp.remove();
}
