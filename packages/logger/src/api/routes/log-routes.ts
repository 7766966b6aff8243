import { join } from 'node:path';
import { Router, type Request, type Response } from 'express';
import { isProgramName, type LoggerApi } from '@drover/contracts';
import { textTable, wantsEventStream, wantsText } from '@drover/contracts/http';
import { canonicalTimestamp } from '../../clock/timestamp-clock.js';
import { loggerErrors } from '../../errors.js';
import { EventIdCounter, parseEventId } from '../../read/event-id.js';
import { followLog } from '../../read/follow-log.js';
import { takeSnapshot } from '../../read/log-files.js';
import { readHistory, type LineSink, type ReadQuery } from '../../read/read-log.js';
import type { Stream } from '../../writer/stream.js';
import type { RouteDeps } from '../route-deps.js';
import { hasLog, listLogs } from './log-listing.js';

type Paths = LoggerApi.paths;
type ReadParams = NonNullable<Paths['/v1/logs/{program}']['get']['parameters']['query']>;
type WriteParams = NonNullable<Paths['/v1/logs/{program}']['post']['parameters']['query']>;
type LogList = LoggerApi.components['schemas']['LogList'];
type WriteResult = LoggerApi.components['schemas']['WriteResult'];
type RotateResult = LoggerApi.components['schemas']['RotateResult'];

/** The request's validated program name (the spec's pattern already ran; this keeps it honest). */
function programOf(req: Request): string {
  const program = String(req.params['program']);
  if (!isProgramName(program)) throw loggerErrors.programNotFound(program);
  return program;
}

function timeParam(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = canonicalTimestamp(value);
  if (t === undefined) throw loggerErrors.badTime(field, value);
  return t;
}

function queryOf(req: Request): ReadQuery & { follow: boolean } {
  const q = req.query as unknown as ReadParams;
  const lastEventId = req.get('last-event-id');
  const after = lastEventId === undefined ? undefined : parseEventId(lastEventId);
  const query: ReadQuery & { follow: boolean } = {
    follow: q.follow === true || String(q.follow) === 'true',
    since: timeParam('since', q.since),
    until: timeParam('until', q.until),
    grep: q.grep,
    stream: q.stream,
    tail: q.tail,
    after,
  };
  if (query.follow && query.until !== undefined) throw loggerErrors.followUntil();
  return query;
}

/** Sends lines as chunked text/plain or as SSE events, waiting while the client is behind. */
function responseSink(res: Response, sse: boolean): LineSink {
  let parts: string[] = [];
  return {
    line(line, id) {
      parts.push(sse ? `id: ${id}\ndata: ${line}\n\n` : `${line}\n`);
    },
    async flush() {
      if (parts.length === 0 || res.destroyed) return;
      const ok = res.write(parts.join(''));
      parts = [];
      if (ok) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    },
    get closed() {
      return res.destroyed || res.writableEnded;
    },
  };
}

export function logRoutes(deps: RouteDeps): Router {
  const router = Router();
  const root = () => deps.config().root;

  router.get('/v1/logs', (req, res) => {
    const programs = listLogs(root());
    if (wantsText(req)) {
      res.type('text/plain').send(
        textTable(
          ['PROGRAM', 'FILES', 'BYTES'],
          programs.map((p) => [p.program, String(p.files), String(p.bytes)]),
        ),
      );
      return;
    }
    const body: LogList = { programs };
    res.json(body);
  });

  router.get('/v1/logs/:program', async (req, res) => {
    const program = programOf(req);
    const query = queryOf(req);
    if (!hasLog(root(), program) && !deps.writers.find(program)) {
      throw loggerErrors.programNotFound(program);
    }
    const sse = wantsEventStream(req);
    res.status(200);
    res.setHeader('Content-Type', sse ? 'text/event-stream' : 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    if (sse || query.follow) res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    const sink = responseSink(res, sse);
    const dir = join(root(), program);
    if (!query.follow) {
      const snapshot = takeSnapshot(dir);
      try {
        await readHistory(snapshot.files, query, new EventIdCounter(), sink);
      } finally {
        snapshot.release();
      }
      res.end();
      return;
    }
    const abort = new AbortController();
    const onStop = () => abort.abort();
    deps.stopping.addEventListener('abort', onStop);
    res.on('close', onStop);
    try {
      await followLog({
        writer: deps.writers.get(program),
        dir,
        query,
        sink,
        signal: abort.signal,
      });
    } finally {
      deps.stopping.removeEventListener('abort', onStop);
      res.off('close', onStop);
    }
    res.end();
  });

  // The body was parsed by the app's express.text (8 MiB) before the spec validated it.
  router.post('/v1/logs/:program', async (req, res) => {
    const program = programOf(req);
    const q = req.query as unknown as WriteParams;
    const stream: Stream = q.stream ?? 'out';
    if (deps.stopping.aborted) throw loggerErrors.stopping();
    const body = Buffer.from(typeof req.body === 'string' ? req.body : '', 'utf8');
    const writer = deps.writers.get(program);
    if (writer.pending > 0 && writer.pending + body.length > deps.config().bufferMax) {
      throw loggerErrors.bufferFull(program, writer.pending);
    }
    const added = writer.appendText(stream, body);
    await writer.whenWritten(added.mark);
    const result: WriteResult = { lines: added.lines, bytes: added.bytes };
    res.json(result);
  });

  router.post('/v1/logs/:program/rotate', async (req, res) => {
    const program = programOf(req);
    if (!hasLog(root(), program) && !deps.writers.find(program)) {
      throw loggerErrors.programNotFound(program);
    }
    const archive = await deps.writers.get(program).rotate();
    const result: RotateResult = { archive };
    res.json(result);
  });

  return router;
}
