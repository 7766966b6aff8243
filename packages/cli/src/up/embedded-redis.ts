import { createConnection } from 'node:net';
import { join } from 'node:path';
import { startChildService, waitUntilReady, type ChildService } from './child-service.js';

/** Answers true once something on `port` replies +PONG. */
function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      resolve(d.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      resolve(false);
      socket.destroy();
    });
  });
}

/**
 * A redis-server of `drover up`'s own: loopback only, append-only file under `dir` so that the
 * next start finds the registry and the queue as they were.
 */
export async function startEmbeddedRedis(
  dir: string,
  port: number,
  logsDir: string,
): Promise<ChildService> {
  const redis = startChildService(
    'redis',
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
    ],
    join(logsDir, 'redis.log'),
  );
  await waitUntilReady(redis, () => redisPing(port));
  return redis;
}
