import { DroverError } from '@drover/contracts';

/**
 * Calls a host's agent on behalf of an API request and turns its answer into ours: its problem
 * (404, 409 …) passes through with the host named; no answer is a 502.
 */
export async function agentCall<T>(
  host: string,
  url: URL,
  init: RequestInit & { token: string | undefined; timeoutMs: number },
): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.token !== undefined) headers.set('Authorization', `Bearer ${init.token}`);
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(init.timeoutMs) });
  } catch (err) {
    throw new DroverError('host-unreachable', 502, 'Host agent did not answer', {
      detail: `${host}: ${(err as Error).name === 'TimeoutError' ? `no answer in ${init.timeoutMs} ms` : (err as Error).message}`,
    });
  }
  const text = await res.text();
  if (!res.ok) {
    let p: { code?: string; title?: string; detail?: string } = {};
    try {
      p = JSON.parse(text) as typeof p;
    } catch {
      /* not a problem document */
    }
    const status = [400, 404, 409].includes(res.status) ? res.status : 502;
    throw new DroverError(p.code ?? 'agent-error', status, p.title ?? 'Host agent refused', {
      detail: `${host}: ${p.detail ?? `HTTP ${res.status}`}`,
    });
  }
  return JSON.parse(text) as T;
}
