import { unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { supervisorErrors } from '../errors.js';

function tryListen(path: string): Promise<Server | NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    server.listen(path, () => resolve(server));
  });
}

function answers(path: string): Promise<boolean> {
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
 * One supervisor per root. Node has no flock: a unix socket bound at `path` is the lock; a socket
 * file nobody answers on is a stale lock from a killed supervisor, removed and taken.
 */
export async function acquireRootLock(path: string): Promise<{ release(): void }> {
  let got = await tryListen(path);
  if (!(got instanceof Error) || got.code !== 'EADDRINUSE') {
    if (got instanceof Error) throw got;
  } else {
    if (await answers(path)) throw supervisorErrors.locked(path);
    unlinkSync(path);
    got = await tryListen(path);
    if (got instanceof Error) throw got;
  }
  const server = got;
  server.unref();
  server.on('connection', (s) => s.destroy());
  return {
    release() {
      server.close();
    },
  };
}
