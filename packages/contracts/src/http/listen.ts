import type { Server } from 'node:http';
import type { Express } from 'express';
import { parseListen } from '../config/listen.js';

/** Listens on `host:port` and resolves once bound (port 0 picks a free one). */
export function listen(app: Express, address: string): Promise<Server> {
  const { host, port } = parseListen(address);
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

export function boundUrl(server: Server): string {
  const a = server.address();
  if (a === null || typeof a === 'string') throw new Error('server is not bound to a TCP port');
  const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
  return `http://${host}:${a.port}`;
}

/** Stops accepting, ends idle keep-alive sockets, and resolves when every request is done. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
