import { DroverError, type DroverErrorOptions } from './drover-error.js';

/**
 * The errors every drover service shares. Packages add their own catalogues beside their code;
 * each entry is a stable code, its HTTP status and a title.
 */
export const commonErrors = {
  validation: (detail: string, o: DroverErrorOptions = {}) =>
    new DroverError('validation', 400, 'Request is not valid', { detail, ...o }),
  malformedJson: (detail: string) =>
    new DroverError('malformed-json', 400, 'Request body is not valid JSON', { detail }),
  unauthorized: (detail = 'A valid bearer token is required') =>
    new DroverError('unauthorized', 401, 'Unauthorized', { detail }),
  forbidden: (scope: string) =>
    new DroverError('forbidden', 403, 'Forbidden', {
      detail: `this token lacks the '${scope}' scope`,
    }),
  notFound: (detail: string) => new DroverError('not-found', 404, 'Not found', { detail }),
  methodNotAllowed: (detail: string) =>
    new DroverError('method-not-allowed', 405, 'Method not allowed', { detail }),
  conflict: (detail: string, o: DroverErrorOptions = {}) =>
    new DroverError('conflict', 409, 'Conflict', { detail, ...o }),
  preconditionFailed: (detail: string) =>
    new DroverError('precondition-failed', 412, 'Precondition failed', { detail }),
  payloadTooLarge: (detail: string) =>
    new DroverError('payload-too-large', 413, 'Payload too large', { detail }),
  unsupportedMediaType: (detail: string) =>
    new DroverError('unsupported-media-type', 415, 'Unsupported media type', { detail }),
  notAcceptable: (detail: string) =>
    new DroverError('not-acceptable', 406, 'Not acceptable', { detail }),
  unavailable: (detail: string) =>
    new DroverError('unavailable', 503, 'Service unavailable', { detail }),
  internal: () => new DroverError('internal', 500, 'Internal server error'),
  config: (path: string, message: string) =>
    new DroverError('config', 2, 'Configuration error', {
      detail: `${path || '(root)'}: ${message}`,
    }),
} as const;

/** A configuration error: the CLI prints its message on one line and exits 2. */
export function isConfigError(err: unknown): err is DroverError {
  return err instanceof DroverError && err.code === 'config';
}
