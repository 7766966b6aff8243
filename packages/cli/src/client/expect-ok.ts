import { apiError } from './api-client.js';

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; anything else becomes one `drover: …` line. */
export function expectOk<T>(what: string, result: FetchResult<T>): T {
  if (result.error !== undefined || !result.response.ok || result.data === undefined) {
    throw apiError(what, result.response, result.error);
  }
  return result.data;
}

/**
 * Options for a read in either form: JSON (typed, for `--json`) or the scheduler's own
 * `text/plain` summary, the same tables a chatops bot prints.
 */
export function readAs(json: boolean): { parseAs: 'json' | 'text'; headers: { Accept: string } } {
  return json
    ? { parseAs: 'json', headers: { Accept: 'application/json' } }
    : { parseAs: 'text', headers: { Accept: 'text/plain' } };
}
