// The supervisors the benchmark compares: drover and, where installed, daemontools' supervise,
// runit's runsv and supervisord — each made to run N `sleep` programs with unique command lines.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '@drover/contracts/http';
import { droverArgv } from '@drover/contracts/testing';

export interface Running {
  /** The supervising processes (one for drover and supervisord, one per program otherwise). */
  supervisors: () => number[];
  stop(): Promise<void>;
}

export interface System {
  name: string;
  installed: boolean;
  /** Starts `markers.length` programs, each `sleep <marker>`. */
  start(dir: string, markers: string[]): Running;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function launch(cmd: string, args: string[], cwd?: string): ChildProcess {
  const child = spawn(cmd, args, { cwd, detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    /* gone */
  }
}

function runScript(dir: string, marker: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run'), `#!/bin/sh\nexec sleep ${marker}\n`);
  chmodSync(join(dir, 'run'), 0o755);
}

/** One supervise / runsv process per program, as daemontools and runit are used. */
function perService(name: string, bin: string): System {
  return {
    name,
    installed: has(bin),
    start(dir, markers) {
      const children = markers.map((m, i) => {
        const svc = join(dir, `s${i}`);
        runScript(svc, m);
        return launch(bin, [svc]);
      });
      return {
        supervisors: () => children.map((c) => c.pid ?? 0),
        async stop() {
          for (const c of children) killGroup(c, 'SIGKILL');
          await Promise.all(children.map(exited));
        },
      };
    },
  };
}

const drover: System = {
  name: 'drover',
  installed: true,
  start(dir, markers) {
    const programs: Record<string, unknown> = {};
    markers.forEach((m, i) => {
      programs[`p${i}`] = { command: ['sleep', m], start_secs: '100ms', stop_timeout: '2s' };
    });
    const config = join(dir, 'supervisor.yaml');
    writeFileSync(
      config,
      JSON.stringify({
        root: join(dir, 'root'),
        listen: '127.0.0.1:0',
        token_sha256: sha256Hex('bench'),
        log_level: 'warn',
        programs,
      }),
    );
    const { command, args } = droverArgv('supervisor', '--config', config);
    const child = launch(command, args);
    return {
      supervisors: () => [child.pid ?? 0],
      async stop() {
        killGroup(child, 'SIGTERM'); // stops every program, then exits
        await exited(child);
      },
    };
  },
};

const supervisord: System = {
  name: 'supervisord',
  installed: has('supervisord'),
  start(dir, markers) {
    const conf = [
      '[supervisord]',
      'nodaemon=true',
      `logfile=${join(dir, 'supervisord.log')}`,
      `pidfile=${join(dir, 'supervisord.pid')}`,
      `childlogdir=${dir}`,
      '[unix_http_server]',
      `file=${join(dir, 'supervisor.sock')}`,
      ...markers.flatMap((m, i) => [
        `[program:p${i}]`,
        `command=sleep ${m}`,
        'autorestart=true',
        'startsecs=0',
        'stdout_logfile=NONE',
        'stderr_logfile=NONE',
      ]),
    ].join('\n');
    writeFileSync(join(dir, 'supervisord.conf'), conf + '\n');
    const child = launch('supervisord', ['-c', join(dir, 'supervisord.conf')]);
    return {
      supervisors: () => [child.pid ?? 0],
      async stop() {
        killGroup(child, 'SIGKILL');
        await exited(child);
      },
    };
  },
};

export const SYSTEMS: System[] = [
  drover,
  perService('daemontools', 'supervise'),
  perService('runit', 'runsv'),
  supervisord,
];
