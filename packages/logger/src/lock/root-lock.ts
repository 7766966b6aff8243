import { unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { loggerErrors } from '../errors.js';

export interface RootLock {
  path: string;
  release(): Promise<void>;
}

function listenOn(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(path, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Resolves true when something answers on the socket (a live logger), false when refused. */
function isAnswered(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Node has no flock: the lock is a unix socket bound at `path` for as long as the logger runs.
 * A bound path that refuses connections was left by a dead logger and is taken over.
 */
export async function acquireRootLock(path: string): Promise<RootLock> {
  const server = createServer((socket) => socket.destroy());
  try {
    await listenOn(server, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    if (await isAnswered(path)) throw loggerErrors.lockHeld(path);
    unlinkSync(path);
    await listenOn(server, path);
  }
  server.unref();
  return {
    path,
    release: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
