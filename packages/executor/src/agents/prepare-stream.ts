import type { PrepareRequest, Release } from './agent-client.js';
import { AgentError } from './agent-client.js';

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
}

/** One server-sent event: its name and its (joined) data lines. */
interface SseEvent {
  event: string;
  data: string;
}

function parseEvent(block: string): SseEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return data.length > 0 ? { event, data: data.join('\n') } : undefined;
}

/**
 * Prepares a release and hands every line of its output (fetch, link, build) to `onLine` as it
 * comes, reading the supervisor's server-sent events: `log` lines, then `result` (the release)
 * or `error` (a problem).
 */
export async function prepareWithOutput(
  host: string,
  baseUrl: string,
  token: string,
  app: string,
  body: PrepareRequest,
  onLine: (line: string) => Promise<void>,
): Promise<Release> {
  let res: Response;
  try {
    res = await fetch(new URL(`/v1/apps/${app}/releases`, baseUrl), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'text/event-stream',
      },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new AgentError(host, null, undefined, `prepare: ${(err as Error).message}`);
  }
  if (!res.ok || res.body === null) {
    let p: Problem = {};
    try {
      p = (await res.json()) as Problem;
    } catch {
      /* not a problem document */
    }
    throw new AgentError(
      host,
      res.status,
      p.code,
      `prepare: ${p.detail ?? p.title ?? `HTTP ${res.status}`}`,
    );
  }
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) !== -1) {
      const ev = parseEvent(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
      if (!ev) continue;
      if (ev.event === 'log') await onLine(JSON.parse(ev.data) as string);
      else if (ev.event === 'result') return JSON.parse(ev.data) as Release;
      else if (ev.event === 'error') {
        const p = JSON.parse(ev.data) as Problem;
        throw new AgentError(
          host,
          res.status,
          p.code,
          `prepare: ${p.detail ?? p.title ?? 'failed'}`,
        );
      }
    }
  }
  throw new AgentError(host, res.status, undefined, 'prepare: the stream ended without a result');
}
