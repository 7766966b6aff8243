import { DroverError, commonErrors } from '@drover/contracts';

/** The scheduler's own errors: stable codes, HTTP statuses and titles. */
export const schedulerErrors = {
  notFound: (kind: string, name: string) => commonErrors.notFound(`no ${kind} named '${name}'`),
  etagMismatch: (kind: string, name: string) =>
    commonErrors.preconditionFailed(`${kind} '${name}' has changed since that ETag (If-Match)`),
  alreadyFinished: (id: string, status: string) =>
    new DroverError('deploy-finished', 409, 'Deploy has already finished', {
      detail: `deploy ${id} is ${status}: there is nothing to cancel`,
    }),
  redisDown: (detail: string) =>
    new DroverError('redis-unavailable', 503, 'Redis is not reachable', { detail }),
};
