import type { SchedulerApi } from '@drover/contracts';
import { bar, hostFraction, hostTone, summarize, type HostTone } from './host-progress.js';

type Deploy = SchedulerApi.components['schemas']['Deploy'];

export interface ProgressOutput {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** What `deploy --wait` shows while it follows a deploy. */
export interface DeployProgress {
  /** Whether fresh deploy records (per-host states) are worth fetching. */
  readonly live: boolean;
  line(text: string): void;
  update(deploy: Deploy): void;
  done(deploy: Deploy): void;
}

/** Bars for a terminal; one plain line per log event anywhere else (CI logs, pipes). */
export function createDeployProgress(
  out: ProgressOutput,
  env: NodeJS.ProcessEnv,
  first: Deploy,
): DeployProgress {
  const tty = out.isTTY === true && env['TERM'] !== 'dumb';
  return tty ? terminalProgress(out, env['NO_COLOR'] === undefined, first) : plainProgress(out);
}

function outcomeLine(d: Deploy): string {
  const s = summarize(d);
  const took =
    d.started_at !== undefined && d.finished_at !== undefined
      ? ` in ${((Date.parse(d.finished_at) - Date.parse(d.started_at)) / 1000).toFixed(1)}s`
      : '';
  return `${d.kind} ${d.id} ${d.app}/${d.stage} ${d.status}${took}: release ${d.release_id || '-'}, ${s.healthy}/${s.total} hosts healthy${d.error !== undefined ? ` — ${d.error}` : ''}\n`;
}

function plainProgress(out: ProgressOutput): DeployProgress {
  return {
    live: false,
    line: (text) => void out.write(`${text}\n`),
    update: () => undefined,
    done: (d) => void out.write(outcomeLine(d)),
  };
}

const TONES: Record<HostTone, string> = { ok: '32', bad: '31', busy: '33', idle: '2' };
const MAX_HOST_LINES = 20;

/**
 * Log lines scroll above a block that is redrawn in place: the deploy's overall bar, then one
 * bar per host. Block lines are cut to the terminal width, so the cursor arithmetic holds.
 */
function terminalProgress(out: ProgressOutput, color: boolean, first: Deploy): DeployProgress {
  let deploy = first;
  let drawn = 0;
  const t0 = Date.now();
  const paint = (tone: HostTone, text: string) =>
    color ? `\x1b[${TONES[tone]}m${text}\x1b[0m` : text;
  const fit = (text: string) => text.slice(0, Math.max(20, (out.columns ?? 80) - 1));

  const block = (): string[] => {
    const s = summarize(deploy);
    const secs = Math.round((Date.now() - t0) / 1000);
    const lines = [
      fit(
        `${deploy.app}/${deploy.stage} ${deploy.status} (${deploy.phase}) ${bar(s.fraction, 24)} ${s.healthy}/${s.total} healthy ${secs}s`,
      ),
    ];
    const width = Math.max(...deploy.hosts.map((h) => h.host.length), 4);
    for (const h of deploy.hosts.slice(0, MAX_HOST_LINES)) {
      const text = fit(
        `  ${h.host.padEnd(width)}  ${bar(hostFraction(deploy.kind, h.state), 10)} ${h.state}`,
      );
      lines.push(paint(hostTone(h.state), text));
    }
    if (deploy.hosts.length > MAX_HOST_LINES) {
      lines.push(`  … and ${deploy.hosts.length - MAX_HOST_LINES} more hosts`);
    }
    return lines;
  };
  const clear = () => {
    if (drawn > 0) out.write(`\x1b[${drawn}A\r\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    const lines = block();
    out.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  // The elapsed time keeps moving even while the log is quiet (a long build).
  const ticker = setInterval(() => {
    clear();
    draw();
  }, 1000);
  ticker.unref();
  draw();
  return {
    live: true,
    line(text) {
      clear();
      out.write(`${text}\n`);
      draw();
    },
    update(d) {
      deploy = d;
      clear();
      draw();
    },
    done(d) {
      clearInterval(ticker);
      deploy = d;
      clear();
      draw();
      out.write(`${paint(d.status === 'succeeded' ? 'ok' : 'bad', outcomeLine(d).trimEnd())}\n`);
    },
  };
}
