import createClient from 'openapi-fetch';
import { DroverError, type SchedulerApi } from '@drover/contracts';

export interface ApiSettings {
  url: string;
  token: string | undefined;
}

export type SchedulerClient = ReturnType<
  typeof createClient<SchedulerApi.paths, 'application/json'>
>;

/** A typed client for the scheduler API: a spec change that breaks a call fails to compile. */
export function createSchedulerClient(settings: ApiSettings): SchedulerClient {
  const headers: Record<string, string> = {};
  if (settings.token !== undefined) headers['Authorization'] = `Bearer ${settings.token}`;
  const baseUrl = settings.url.replace(/\/+$/, '');
  return createClient<SchedulerApi.paths, 'application/json'>({
    baseUrl,
    headers,
    fetch: (request: Request) => fetchOrExplain(baseUrl, request),
  });
}

/** fetch's own error says only "fetch failed": name the scheduler and the network cause. */
async function fetchOrExplain(baseUrl: string, request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (err) {
    if (request.signal.aborted) throw err;
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    throw new DroverError('unreachable', 503, 'Scheduler unreachable', {
      detail: `cannot reach the scheduler at ${baseUrl}: ${cause ?? String(err)}`,
      cause: err,
    });
  }
}

interface ProblemLike {
  title?: string;
  detail?: string;
  code?: string;
  status?: number;
}

/** One line for a failed API call: the problem's detail, or its title and status. */
export function apiError(what: string, response: Response, error: unknown): DroverError {
  const p = (typeof error === 'object' && error !== null ? error : {}) as ProblemLike;
  const detail = p.detail ?? p.title ?? response.statusText;
  return new DroverError(p.code ?? 'api', response.status, p.title ?? 'API error', {
    detail: `${what}: ${detail} (HTTP ${response.status})`,
  });
}
