import { DroverError, commonErrors } from '@drover/contracts';

/** The scheduler's own errors: stable codes, HTTP statuses and titles. */
export const schedulerErrors = {
  notFound: (kind: string, name: string) => commonErrors.notFound(`no ${kind} named '${name}'`),
  etagMismatch: (kind: string, name: string) =>
    commonErrors.preconditionFailed(`${kind} '${name}' has changed since that ETag (If-Match)`),
  redisDown: (detail: string) =>
    new DroverError('redis-unavailable', 503, 'Redis is not reachable', { detail }),
};
