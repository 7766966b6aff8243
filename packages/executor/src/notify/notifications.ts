import { createHmac } from 'node:crypto';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import {
  NOTIFY_QUEUE,
  queuePrefix,
  type DeploySpec,
  type DeployState,
  type Log,
} from '@drover/contracts';

export type NotifyEvent = 'started' | 'finished' | 'failed' | 'reverted';

export interface NotifyJob {
  url: string;
  event: NotifyEvent;
  body: string;
}

export const SIGNATURE_HEADER = 'X-Drover-Signature';

/** `sha256=<hex HMAC of the body>`, GitHub's webhook convention, so receivers know the shape. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The event a final status is announced as (a cancelled deploy counts as failed). */
export function eventForStatus(status: DeployState['status']): NotifyEvent | undefined {
  switch (status) {
    case 'succeeded':
      return 'finished';
    case 'failed':
    case 'cancelled':
      return 'failed';
    case 'reverted':
      return 'reverted';
    case 'queued':
    case 'running':
      return undefined;
  }
}

/** Queues one webhook call per `notify` entry that wants the event; BullMQ retries with backoff. */
export function createNotifier(connection: ConnectionOptions, prefix: string) {
  const queue = new Queue<NotifyJob>(NOTIFY_QUEUE, { connection, prefix: queuePrefix(prefix) });
  return {
    async notify(spec: DeploySpec, state: DeployState, event: NotifyEvent): Promise<void> {
      const targets = (spec.app_spec.notify ?? []).filter(
        (n) => n.events === undefined || n.events.length === 0 || n.events.includes(event),
      );
      if (targets.length === 0) return;
      const body = JSON.stringify({
        event,
        deploy: spec.id,
        app: spec.app,
        stage: spec.stage,
        kind: spec.kind,
        status: state.status,
        phase: state.phase,
        release_id: state.rollback_to ?? spec.release_id,
        revision: state.revision ?? null,
        who: spec.who,
        at: new Date().toISOString(),
      });
      await queue.addBulk(
        targets.map((t) => ({
          name: event,
          data: { url: t.url, event, body },
          opts: {
            attempts: 6,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: 1000,
            removeOnFail: 1000,
          },
        })),
      );
    },
    close: () => queue.close(),
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

/** Delivers queued webhooks: a non-2xx answer or no answer in 10 s is retried later. */
export function startNotifyWorker(
  connection: ConnectionOptions,
  prefix: string,
  secret: string | undefined,
  log: Log,
): Worker<NotifyJob> {
  return new Worker<NotifyJob>(
    NOTIFY_QUEUE,
    async (job) => {
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'X-Drover-Event': job.data.event,
        'X-Drover-Delivery': job.id ?? '',
      };
      if (secret !== undefined) headers[SIGNATURE_HEADER] = signBody(secret, job.data.body);
      const res = await fetch(job.data.url, {
        method: 'POST',
        headers,
        body: job.data.body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`webhook ${job.data.url} answered ${res.status}`);
      log.info(
        { url: job.data.url, event: job.data.event, attempt: job.attemptsMade + 1 },
        'webhook delivered',
      );
    },
    { connection, prefix: queuePrefix(prefix), concurrency: 8 },
  );
}
