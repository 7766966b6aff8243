import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The kernel hands `listen(0)` and outgoing connections ports from this range. */
function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    return low !== undefined && low > 11_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function bindable(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(undefined));
    srv.listen(port, '127.0.0.1', () => {
      const addr = srv.address();
      const bound = typeof addr === 'object' && addr !== null ? addr.port : undefined;
      srv.close(() => resolve(bound));
    });
  });
}

/**
 * A free loopback port for a service that binds it a moment later (`drover up`, tests). Picked
 * at random below the kernel's ephemeral range, so that no `listen(0)` server or outgoing
 * connection elsewhere on the machine is handed the same port in between.
 */
export async function freePort(): Promise<number> {
  const top = ephemeralLow() - 1;
  for (let tries = 0; tries < 50; tries++) {
    const candidate = 10_000 + Math.floor(Math.random() * (top - 10_000));
    const port = await bindable(candidate);
    if (port !== undefined) return port;
  }
  const any = await bindable(0);
  if (any === undefined) throw new Error('no free port on 127.0.0.1');
  return any;
}
