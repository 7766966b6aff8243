import { unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';

export interface SocketLock {
  path: string;
  /** Frees the lock; resolves once the socket is closed. */
  release(): Promise<void>;
}

function tryListen(path: string): Promise<Server | NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    server.listen(path, () => resolve(server));
  });
}

/** True when something answers on the socket (a live holder), false when refused. */
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
 * A lock held for as long as this process lives. Node has no flock: the lock is a unix socket
 * bound at `path`; one that refuses connections was left by a dead holder and is taken over.
 * A live holder makes this throw `heldError()`.
 */
export async function acquireSocketLock(path: string, heldError: () => Error): Promise<SocketLock> {
  let got = await tryListen(path);
  if (got instanceof Error) {
    if (got.code !== 'EADDRINUSE') throw got;
    if (await answers(path)) throw heldError();
    unlinkSync(path);
    got = await tryListen(path);
    if (got instanceof Error) throw got;
  }
  const server = got;
  // The lock must never keep the process alive by itself.
  server.unref();
  return {
    path,
    release: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
