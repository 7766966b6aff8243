/** Splits `127.0.0.1:7700` (or `7700`) into host and port; the host defaults to loopback. */
export function parseListen(listen: string): { host: string; port: number } {
  const i = listen.lastIndexOf(':');
  if (i === -1) return { host: '127.0.0.1', port: Number(listen) };
  return { host: listen.slice(0, i) || '127.0.0.1', port: Number(listen.slice(i + 1)) };
}
