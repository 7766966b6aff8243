import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DroverError, coerceError } from '../errors/drover-error.js';
import { commonErrors } from '../errors/catalogue.js';
import type { Log } from '../log/create-log.js';

const PROBLEM_JSON = 'application/problem+json';

interface ValidatorErrorItem {
  path?: string;
  message?: string;
  errorCode?: string;
  params?: Record<string, unknown>;
}
interface StatusError {
  status?: number;
  statusCode?: number;
  type?: string;
  errors?: ValidatorErrorItem[];
  message?: string;
}

function isStatusError(e: unknown): e is StatusError & Error {
  return e instanceof Error && ('status' in e || 'statusCode' in e);
}

/** Maps a thrown thing (ours, express's body parser's, the OpenAPI validator's) to a DroverError. */
export function toDroverError(thrown: unknown): DroverError {
  if (thrown instanceof DroverError) return thrown;
  if (!isStatusError(thrown)) return commonErrors.internal();
  const status = thrown.status ?? thrown.statusCode ?? 500;
  // body-parser marks its own failures with a `type`.
  if (thrown.type === 'entity.parse.failed') return commonErrors.malformedJson(thrown.message);
  if (thrown.type === 'entity.too.large') return commonErrors.payloadTooLarge(thrown.message);
  const items = (thrown.errors ?? []).map((e) => {
    const path = (e.path ?? '').replace(/^\./, '').replace(/^\//, '').replace(/\//g, '.');
    const unknown = e.errorCode?.startsWith('additionalProperties') ?? false;
    return {
      path,
      message: unknown
        ? `unknown field '${path.split('.').pop() ?? ''}'`
        : (e.message ?? 'is not valid'),
    };
  });
  const detail =
    items.length > 0 ? items.map((i) => `${i.path} ${i.message}`).join('; ') : thrown.message;
  switch (status) {
    case 400:
      return commonErrors.validation(detail, { errors: items });
    case 401:
      return commonErrors.unauthorized(thrown.message);
    case 403:
      return new DroverError('forbidden', 403, 'Forbidden', { detail: thrown.message });
    case 404:
      return commonErrors.notFound(thrown.message);
    case 405:
      return commonErrors.methodNotAllowed(thrown.message);
    case 406:
      return commonErrors.notAcceptable(thrown.message);
    case 413:
      return commonErrors.payloadTooLarge(thrown.message);
    case 415:
      return commonErrors.unsupportedMediaType(thrown.message);
    default:
      return commonErrors.internal();
  }
}

/**
 * The last middleware of every drover app: answers application/problem+json with a stable
 * `type`, never a stack trace. Unknown errors become an opaque 500 and one log line carrying the
 * request id, so an operator can find the cause.
 */
export function problemHandler(log: Log): ErrorRequestHandler {
  return (thrown: unknown, req, res, next) => {
    if (res.headersSent) {
      next(thrown);
      return;
    }
    const err = toDroverError(thrown);
    const requestId = res.locals['requestId'] as string | undefined;
    if (err.status >= 500) {
      const cause = coerceError(thrown);
      log.error(
        { err: cause, requestId, method: req.method, url: req.originalUrl },
        'request failed',
      );
    }
    if (err.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    res
      .status(err.status)
      .type(PROBLEM_JSON)
      .send(JSON.stringify(err.toProblem(requestId)));
  };
}

/** Anything no route answered. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(commonErrors.notFound(`no route for ${req.method} ${req.path}`));
};
