import type { Request, Response } from 'express';
import { wantsEventStream } from '@drover/contracts/http';
import type { Operation } from '../operations/app-operations.js';
import type { Outcome } from '../operations/operation-log.js';

export type ResponseMode = 'json' | 'sse' | 'text';

/**
 * How a long operation answers: SSE for `Accept: text/event-stream`, the JSON result once done
 * when the caller names `application/json`, else chunked `text/plain` (what `curl -N` shows).
 */
export function responseMode(req: Request): ResponseMode {
  if (wantsEventStream(req)) return 'sse';
  return (req.get('accept') ?? '').includes('application/json') ? 'json' : 'text';
}

export interface Rendering<T> {
  json: (value: T) => unknown;
  /** The last text line on success, after `OK `. */
  summary: (value: T) => string;
}

function startStream(res: Response, type: string): void {
  res.status(200);
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
}

/** Follows the operation's log to the client; the client leaving does not stop the operation. */
export function streamOperation<T>(
  req: Request,
  res: Response,
  op: Operation<T>,
  mode: Exclude<ResponseMode, 'json'>,
  render: Rendering<T>,
): void {
  if (mode === 'text') startStream(res, 'text/plain; charset=utf-8');
  else startStream(res, 'text/event-stream; charset=utf-8');
  const line = (text: string, index: number) => {
    if (mode === 'text') res.write(`${text}\n`);
    else res.write(`id: ${index}\nevent: log\ndata: ${JSON.stringify(text)}\n\n`);
  };
  const done = (outcome: Outcome<T>) => {
    if (mode === 'text') {
      res.end(
        outcome.ok
          ? `OK ${render.summary(outcome.value)}\n`
          : `FAILED ${outcome.error.code}: ${outcome.error.message}\n`,
      );
    } else if (outcome.ok) {
      res.end(`event: result\ndata: ${JSON.stringify(render.json(outcome.value))}\n\n`);
    } else {
      res.end(`event: error\ndata: ${JSON.stringify(outcome.error.toProblem())}\n\n`);
    }
  };
  const unsubscribe = op.log.subscribe({ line, done });
  req.on('close', unsubscribe);
}

/** Answers a result known at once in the caller's mode (a repeat, a shortcut). */
export function sendDone<T>(res: Response, value: T, mode: ResponseMode, render: Rendering<T>) {
  switch (mode) {
    case 'json':
      res.json(render.json(value));
      return;
    case 'text':
      res.type('text/plain').send(`OK ${render.summary(value)}\n`);
      return;
    case 'sse':
      startStream(res, 'text/event-stream; charset=utf-8');
      res.end(`event: result\ndata: ${JSON.stringify(render.json(value))}\n\n`);
      return;
  }
}
