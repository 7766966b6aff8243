import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';
import { startChild, type Child } from './child.js';
import { waitFor } from './wait-for.js';

const execFileP = promisify(execFile);

export interface TestRedis {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** A real redis-server on a free loopback port, with no persistence: one per test file. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child: Child = startChild('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
  ]);
  await waitFor('redis-server to answer PING', async () => {
    const { stdout } = await execFileP('redis-cli', ['-p', String(port), 'ping']);
    return stdout.trim() === 'PONG';
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await child.stop('SIGTERM');
    },
  };
}
