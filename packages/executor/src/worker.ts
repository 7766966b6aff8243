import { hostname } from 'node:os';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { DEPLOY_QUEUE, deployKeys, parseDuration, queuePrefix, type Log } from '@drover/contracts';
import { createAgentClient, type AgentClient } from './agents/agent-client.js';
import type { ExecutorConfig } from './config/executor-config.js';
import { createDeployJournal } from './deploy-state/deploy-journal.js';
import { createNotifier, startNotifyWorker } from './notify/notifications.js';
import { LockLost } from './plan/errors.js';
import { runDeploy } from './plan/run-deploy.js';
import { createStageLock } from './stage-lock/stage-lock.js';

interface DeployJobData {
  deployId: string;
  /** Set once the deploy has waited for its stage, so a wait is counted and logged once. */
  waited?: boolean;
}

export interface RunningExecutor {
  name: string;
  /** Finishes running deploys (or, after `graceMs`, hands them back to the queue) and closes. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * An executor: BullMQ workers on the `deploys` queue (and the webhook queue). Holds no state that
 * another executor could not pick up: everything lives in Redis.
 */
export async function startExecutor(config: ExecutorConfig, log: Log): Promise<RunningExecutor> {
  const name = config.name ?? `${hostname()}:${process.pid}`;
  const connection = new Redis(config.redis, { maxRetriesPerRequest: null });
  const redis = new Redis(config.redis, { maxRetriesPerRequest: null });
  const keys = deployKeys(config.prefix);
  const journal = createDeployJournal(redis, keys);
  const leaseMs = parseDuration(config.stage_lease);
  const pollMs = parseDuration(config.lock_poll);
  const lock = createStageLock(redis, keys, leaseMs);
  const notifier = createNotifier(connection, config.prefix);
  const deployQueue = new Queue(DEPLOY_QUEUE, { connection, prefix: queuePrefix(config.prefix) });
  const agentCache = new Map<string, AgentClient>();

  const process_ = async (job: Job<DeployJobData>, token?: string): Promise<string> => {
    const id = job.data.deployId;
    const rec = await journal.load(id);
    if (!rec) return 'missing';
    const { spec } = rec;
    const acquired = await lock.acquire(spec.app, spec.stage, id);
    if (acquired.kind === 'gone') return 'already finished';
    if (acquired.kind === 'waiting') {
      if (job.data.waited !== true) {
        await journal.countLockWait();
        await journal.log(
          id,
          `waiting for ${spec.app}/${spec.stage}: deploy ${acquired.holder} is ahead`,
        );
        await job.updateData({ ...job.data, waited: true });
      }
      // Hand the worker slot back while waiting: other stages' deploys must not queue behind this.
      await job.moveToDelayed(Date.now() + pollMs, token);
      throw new DelayedError();
    }

    let lost = false;
    const renewal = setInterval(
      () => {
        lock.renew(spec.app, spec.stage, id).then(
          (ok) => {
            if (!ok) lost = true;
          },
          () => undefined,
        );
      },
      Math.max(100, Math.floor(leaseMs / 3)),
    );
    const agents = (host: string): AgentClient => {
      const t = spec.targets.find((x) => x.name === host);
      if (!t) throw new Error(`deploy ${id} has no host ${host}`);
      let c = agentCache.get(t.supervisor_url);
      if (!c) {
        c = createAgentClient(host, t.supervisor_url, config.agent_token);
        agentCache.set(t.supervisor_url, c);
      }
      return c;
    };
    try {
      await runDeploy({
        spec,
        state: rec.state,
        fence: acquired.fence,
        takeover: acquired.takeover,
        executorName: name,
        hostConcurrency: config.host_concurrency,
        agentToken: config.agent_token,
        journal,
        agents,
        notifier,
        log,
        lockLost: () => lost,
      });
    } catch (err) {
      if (err instanceof LockLost) {
        log.warn({ deploy: id }, 'stage lock lost: another executor runs this deploy now');
        return 'handed over';
      }
      throw err;
    } finally {
      clearInterval(renewal);
    }
    const next = await lock.release(spec.app, spec.stage, id);
    if (next !== null) {
      // Wake the next deploy of the stage now rather than at its next poll.
      const waiting = await deployQueue.getJob(next);
      if (waiting && (await waiting.isDelayed())) await waiting.promote().catch(() => undefined);
    }
    return 'done';
  };

  const worker = new Worker<DeployJobData>(DEPLOY_QUEUE, process_, {
    connection,
    prefix: queuePrefix(config.prefix),
    concurrency: config.concurrency,
    lockDuration: parseDuration(config.lock_duration),
    stalledInterval: parseDuration(config.stalled_interval),
    // A deploy whose executor keeps dying is still resumed; its steps make that safe.
    maxStalledCount: 10,
  });
  worker.on('failed', (job, err) =>
    log.error({ deploy: job?.data.deployId, err: err.message }, 'deploy job failed'),
  );
  worker.on('error', (err) => log.warn({ err: err.message }, 'worker error'));
  const notifyWorker = startNotifyWorker(connection, config.prefix, config.notify_secret, log);
  await worker.waitUntilReady();
  log.info({ name, concurrency: config.concurrency }, 'executor ready');

  return {
    name,
    async stop(graceMs = 30_000) {
      const graceful = worker.close();
      const forced = new Promise<void>((resolve) => {
        setTimeout(() => {
          // Past the grace period running deploys are left to BullMQ's stalled-job recovery.
          worker.close(true).then(resolve, resolve);
        }, graceMs).unref();
      });
      await Promise.race([graceful, forced]);
      await notifyWorker.close();
      await notifier.close();
      await deployQueue.close();
      redis.disconnect();
      connection.disconnect();
    },
  };
}
