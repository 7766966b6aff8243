// Capistrano 3 (Debian's `capistrano`) deploying the same git app to N "hosts" over ssh, for
// `npm run bench -- deploy`. One throwaway sshd on a free loopback port (its own host key, one
// authorized key, no PAM, no passwords); N host aliases in a temp ssh config, all 127.0.0.1 on
// that port. Each alias sends its own DEPLOY_ROOT and APP_PORT (SetEnv/AcceptEnv) and sshd's
// ForceCommand rewrites the placeholder `deploy_to` (/capbench-host) to that root, so every alias
// is a separate deploy target (Capistrano has no per-server deploy_to; a relative one breaks
// inside `within`). The restart task stops the previous server and starts the new one, then waits
// until its port accepts: what drover's `ready: {tcp}` does.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, tempDir, type TempDir } from '@drover/contracts/testing';

export interface CapTiming {
  wallMs: number;
  /** User + system CPU of the `cap` process (the deployer's side), when /usr/bin/time exists. */
  cpuMs: number | undefined;
}

export interface Capistrano {
  version: string;
  /** Where the app's repository must live: `file://` URL given at start. */
  deploy(hosts: number): Promise<CapTiming>;
  rollback(hosts: number): Promise<CapTiming>;
  /** What each host serves on its port (to check that a deploy really happened). */
  served(hosts: number): Promise<string[]>;
  stop(): Promise<void>;
}

const PLACEHOLDER = '/capbench-host';

/** Why Capistrano cannot run here, or undefined when it can. */
export function capistranoMissing(): string | undefined {
  for (const bin of ['/usr/bin/cap', '/usr/sbin/sshd', '/usr/bin/ssh-keygen', '/usr/bin/ssh']) {
    if (!existsSync(bin))
      return `${bin} is missing (apt-get install -y capistrano openssh-server openssh-client)`;
  }
  return undefined;
}

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function sshdUp(port: number, sshd: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (sshd.exitCode !== null) throw new Error(`sshd exited: ${readFileSync(log, 'utf8')}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(20);
  }
  throw new Error('sshd did not listen within 10 s');
}

/**
 * Sets up sshd, `maxHosts` aliases and a Capfile for the app at `repoUrl`; one stage per host
 * count (`bench<N>`, hosts h1…hN). Nothing runs until `deploy`.
 */
export async function startCapistrano(repoUrl: string, maxHosts: number): Promise<Capistrano> {
  const dir: TempDir = tempDir('drover-bench-cap-');
  const root = dir.path;
  let sshd: ChildProcess | undefined;
  const hostRoot = (i: number) => join(root, 'hosts', `h${i}`);
  const killServers = () => {
    const pids: number[] = [];
    for (let i = 1; i <= maxHosts; i++) {
      const file = join(hostRoot(i), 'app.pid');
      if (!existsSync(file)) continue;
      const pid = Number(readFileSync(file, 'utf8').trim());
      // Only our own app servers: the pid file could be stale and the pid reused.
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmdline.includes('server.mjs')) continue;
      try {
        process.kill(pid, 'SIGKILL');
        pids.push(pid);
      } catch {
        /* already gone */
      }
    }
    return pids.length;
  };
  const stop = async () => {
    killServers();
    if (sshd && sshd.exitCode === null && sshd.signalCode === null) {
      const exited = once(sshd, 'exit');
      sshd.kill('SIGTERM');
      await exited;
    }
    dir.remove();
  };
  try {
    const version = sh('/usr/bin/cap', ['--version']).trim();
    sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(root, 'host_key')]);
    sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(root, 'client_key')]);
    writeFileSync(
      join(root, 'authorized_keys'),
      readFileSync(join(root, 'client_key.pub'), 'utf8'),
      { mode: 0o600 },
    );
    const port = await freePort();
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // privilege separation dir
    const sshdConfig = join(root, 'sshd_config');
    writeFileSync(
      sshdConfig,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${root}/host_key`,
        `AuthorizedKeysFile ${root}/authorized_keys`,
        `PidFile ${root}/sshd.pid`,
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        'UsePAM no',
        'StrictModes no',
        'MaxStartups 500',
        'MaxSessions 100',
        'LogLevel ERROR',
        // SHLVL=1 keeps bash from sourcing the login user's ~/.bashrc on every command (run by
        // sshd, a top-level bash does; this machine's root .bashrc runs `pyenv init`, ~0.3 s).
        'AcceptEnv DEPLOY_ROOT APP_PORT SHLVL',
        `ForceCommand exec /bin/bash -c "\${SSH_ORIGINAL_COMMAND//${PLACEHOLDER.replace(/\//g, '\\/')}/$DEPLOY_ROOT}"`,
        '',
      ].join('\n'),
    );
    sh('/usr/sbin/sshd', ['-t', '-f', sshdConfig]);
    const sshdLog = join(root, 'sshd.log');
    const logFd = openSync(sshdLog, 'a');
    sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', sshdConfig], {
      stdio: ['ignore', logFd, logFd],
    });
    closeSync(logFd);
    await sshdUp(port, sshd, sshdLog);

    const appPorts: number[] = [];
    const aliases: string[] = [];
    for (let i = 1; i <= maxHosts; i++) {
      mkdirSync(hostRoot(i), { recursive: true });
      const appPort = await freePort();
      appPorts.push(appPort);
      aliases.push(
        [
          `Host h${i}`,
          '  HostName 127.0.0.1',
          `  Port ${port}`,
          '  User root',
          `  IdentityFile ${root}/client_key`,
          '  IdentitiesOnly yes',
          '  StrictHostKeyChecking no',
          '  UserKnownHostsFile /dev/null',
          `  SetEnv SHLVL=1 DEPLOY_ROOT=${hostRoot(i)} APP_PORT=${appPort}`,
          '  LogLevel ERROR',
          '',
        ].join('\n'),
      );
    }
    const sshConfig = join(root, 'ssh_config');
    writeFileSync(sshConfig, aliases.join('\n'));

    const cap = join(root, 'cap');
    mkdirSync(join(cap, 'config', 'deploy'), { recursive: true });
    writeFileSync(
      join(cap, 'Capfile'),
      [
        "require 'capistrano/setup'",
        "require 'capistrano/deploy'",
        "require 'capistrano/scm/git'",
        'install_plugin Capistrano::SCM::Git',
        '',
      ].join('\n'),
    );
    // The restart: stop the running server (waiting until it is gone: a zombie counts as gone,
    // since PID 1 here reaps late), start the new one detached, then wait until its port accepts.
    const restart =
      'P=$(cat $DEPLOY_ROOT/app.pid 2>/dev/null); ' +
      'if [ -n "$P" ] && kill $P 2>/dev/null; then ' +
      'while [ -e /proc/$P ] && ! grep -q ") Z" /proc/$P/stat 2>/dev/null; do sleep 0.01; done; fi; ' +
      // `&` on the node command alone, all its fds redirected, or ssh's channel stays open.
      'cd $DEPLOY_ROOT/current || exit 1; ' +
      'PORT=$APP_PORT setsid node server.mjs </dev/null >>$DEPLOY_ROOT/app.log 2>&1 & ' +
      'echo $! > $DEPLOY_ROOT/app.pid';
    const waitPort =
      "bash -c 'until (exec 3<>/dev/tcp/127.0.0.1/$APP_PORT) 2>/dev/null; do sleep 0.01; done'";
    writeFileSync(
      join(cap, 'config', 'deploy.rb'),
      [
        `lock '${version.replace(/^Capistrano Version:\s*/, '').split(/\s/)[0] ?? ''}'`,
        "set :application, 'hello'",
        `set :repo_url, '${repoUrl}'`,
        "set :branch, 'main'",
        `set :deploy_to, '${PLACEHOLDER}'`,
        `set :tmp_dir, '${root}/tmp'`,
        'set :keep_releases, 5',
        'set :pty, false',
        'set :log_level, :warn',
        `set :ssh_options, { config: ['${sshConfig}'], verify_host_key: :never }`,
        'namespace :deploy do',
        '  task :restart do',
        '    on roles(:web) do',
        `      execute ${JSON.stringify(restart)}`,
        `      execute ${JSON.stringify(waitPort)}`,
        '    end',
        '  end',
        '  after :publishing, :restart',
        'end',
        '',
      ].join('\n'),
    );
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const stages = new Set<number>();
    const stage = (n: number) => {
      if (!stages.has(n)) {
        const servers = Array.from({ length: n }, (_, i) => `server 'h${i + 1}', roles: %w[web]`);
        writeFileSync(join(cap, 'config', 'deploy', `bench${n}.rb`), `${servers.join('\n')}\n`);
        stages.add(n);
      }
      return `bench${n}`;
    };
    const hasTime = existsSync('/usr/bin/time');
    const run = async (n: number, task: string): Promise<CapTiming> => {
      const timeFile = join(root, 'time.out');
      const args = [stage(n), task];
      const started = process.hrtime.bigint();
      const child = hasTime
        ? spawn('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', '/usr/bin/cap', ...args], {
            cwd: cap,
            stdio: ['ignore', 'pipe', 'pipe'],
          })
        : spawn('/usr/bin/cap', args, { cwd: cap, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      const [code] = (await once(child, 'exit')) as [number | null];
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0)
        throw new Error(`cap ${args.join(' ')} failed (${code}):\n${out.slice(-3000)}`);
      let cpuMs: number | undefined;
      if (hasTime) {
        const [u, s] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ') ?? [];
        cpuMs = (Number(u) + Number(s)) * 1000;
      }
      return { wallMs, cpuMs };
    };
    return {
      version,
      deploy: (n) => run(n, 'deploy'),
      rollback: (n) => run(n, 'deploy:rollback'),
      served: (n) =>
        Promise.all(
          appPorts.slice(0, n).map((p) =>
            fetch(`http://127.0.0.1:${p}/`).then(
              (r) => r.text().then((t) => t.trim()),
              () => 'down',
            ),
          ),
        ),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
