import { spawn } from 'node:child_process';
import { droverArgv } from '@drover/contracts/testing';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command (the built `drover` by default) to its end; never throws on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 40_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `drover ARGS` with only the environment given (plus PATH), so no setting leaks in. */
export function drover(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  const argv = droverArgv(...args);
  return run(argv.command, argv.args, { PATH: process.env['PATH'], ...env });
}
