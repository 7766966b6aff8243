import createClient from 'openapi-fetch';
import { DroverError, type SupervisorApi } from '@drover/contracts';

type Schemas = SupervisorApi.components['schemas'];
export type Release = Schemas['Release'];
export type PrepareRequest = Schemas['PrepareRequest'];
export type PublishRequest = Schemas['PublishRequest'];
export type RollbackRequest = Schemas['RollbackRequest'];
export type PublishResult = Schemas['PublishResult'];

/** A host agent refused or failed a call; `status` is its HTTP status (null: no answer). */
export class AgentError extends DroverError {
  constructor(
    readonly host: string,
    readonly httpStatus: number | null,
    readonly problemCode: string | undefined,
    detail: string,
  ) {
    super('agent-error', 502, 'A host agent failed', { detail: `${host}: ${detail}` });
  }
}

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
}

function fail(host: string, what: string, response: Response | undefined, error: unknown): never {
  const p = (typeof error === 'object' && error !== null ? error : {}) as Problem;
  const status = response?.status ?? null;
  const why = p.detail ?? p.title ?? (error instanceof Error ? error.message : `HTTP ${status}`);
  throw new AgentError(host, status, p.code, `${what}: ${why}`);
}

/** Calls one host's supervisor with the agent token; typed by the supervisor's spec. */
export function createAgentClient(host: string, baseUrl: string, token: string) {
  const client = createClient<SupervisorApi.paths, 'application/json'>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
  const guard = async <T>(
    what: string,
    call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
  ): Promise<T> => {
    let r: { data?: T; error?: unknown; response: Response };
    try {
      r = await call();
    } catch (err) {
      fail(host, what, undefined, err);
    }
    if (r.data === undefined || !r.response.ok) fail(host, what, r.response, r.error);
    return r.data;
  };

  return {
    host,
    health: () =>
      guard('health', () => client.GET('/v1/health', { signal: AbortSignal.timeout(5000) })),
    releases: (app: string) =>
      guard('list releases', () =>
        client.GET('/v1/apps/{app}/releases', { params: { path: { app } } }),
      ),
    prepare: (app: string, body: PrepareRequest) =>
      guard('prepare', () =>
        client.POST('/v1/apps/{app}/releases', { params: { path: { app } }, body }),
      ),
    publish: (app: string, id: string, body: PublishRequest) =>
      guard('publish', () =>
        client.POST('/v1/apps/{app}/releases/{id}/publish', {
          params: { path: { app, id } },
          body,
        }),
      ),
    rollback: (app: string, body: RollbackRequest) =>
      guard('rollback', () =>
        client.POST('/v1/apps/{app}/rollback', { params: { path: { app } }, body }),
      ),
    cleanup: (app: string, body: Schemas['CleanupRequest']) =>
      guard('cleanup', () =>
        client.POST('/v1/apps/{app}/cleanup', { params: { path: { app } }, body }),
      ),
  };
}

export type AgentClient = ReturnType<typeof createAgentClient>;
