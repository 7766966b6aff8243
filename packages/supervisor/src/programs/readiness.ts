import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import type { ReadySpec } from '../config/program-spec.js';
import type { ProcessHandle, ProcessRunner } from './process-runner.js';

export interface ReadinessContext {
  spec: ReadySpec;
  handle: ProcessHandle;
  runner: ProcessRunner;
  env: Record<string, string>;
  cwd: string;
  /** Called once, when the program shows it is ready. */
  onReady: () => void;
  /** False once the process this check is for has gone: the check then ends. */
  current: () => boolean;
}

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function httpAnswers2xx(url: string): Promise<boolean> {
  // A URL that does not parse is simply never ready; it must not take the supervisor down.
  if (!URL.canParse(url)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = request(url, { method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      resolve(status >= 200 && status < 300);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

/**
 * Watches one process until it is ready. `notify_fd` is an event (a newline on the pipe); tcp,
 * http and exec have none, so they are probed from 10 ms, doubling to 500 ms, and only until the
 * first success or the process's end.
 */
export function watchReadiness(ctx: ReadinessContext): void {
  const { spec } = ctx;
  if ('notify_fd' in spec) {
    const pipe = ctx.handle.notify;
    if (pipe === undefined) return;
    let seen = '';
    pipe.on('data', (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (!seen.includes('\n')) return;
      pipe.destroy();
      if (ctx.current()) ctx.onReady();
    });
    pipe.on('error', () => pipe.destroy());
    return;
  }
  const probe = (): Promise<boolean> => {
    if ('tcp' in spec) return tcpAccepts(spec.tcp);
    if ('http' in spec) return httpAnswers2xx(spec.http);
    return ctx.runner.check(spec.exec, ctx.env, ctx.cwd, 5000);
  };
  let delay = 10;
  const attempt = () => {
    if (!ctx.current()) return;
    void probe().then((ok) => {
      if (!ctx.current()) return;
      if (ok) {
        ctx.onReady();
        return;
      }
      ctx.runner.timer(delay, attempt);
      delay = Math.min(500, delay * 2);
    });
  };
  attempt();
}
