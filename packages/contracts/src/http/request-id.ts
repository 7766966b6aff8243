import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Log } from '../log/create-log.js';

const VALID_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Gives every request an id (the caller's `X-Request-Id` when sane) and logs its outcome. */
export function requestLogger(log: Log): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given !== undefined && VALID_ID.test(given) ? given : randomUUID();
    res.locals['requestId'] = id;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { requestId: id, method: req.method, url: req.originalUrl, status: res.statusCode, ms },
        'request',
      );
    });
    next();
  };
}
