import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DEPLOY_QUEUE, queuePrefix } from '@drover/contracts';

export interface DeployJobData {
  deployId: string;
}

/**
 * The BullMQ queue deploys are enqueued on. BullMQ needs its own connection that retries
 * forever (`maxRetriesPerRequest: null`).
 */
export function createDeployQueue(redisUrl: string, prefix: string) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<DeployJobData>(DEPLOY_QUEUE, { connection, prefix: queuePrefix(prefix) });
  return {
    queue,
    async enqueue(deployId: string): Promise<void> {
      // The job id is the deploy id: a repeated enqueue of one deploy is a no-op.
      await queue.add(
        'deploy',
        { deployId },
        { jobId: deployId, removeOnComplete: 1000, removeOnFail: 1000 },
      );
    },
    async remove(deployId: string): Promise<void> {
      await queue.remove(deployId).catch(() => 0);
    },
    async depth(): Promise<Record<string, number>> {
      return queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    },
    async close(): Promise<void> {
      await queue.close();
      connection.disconnect();
    },
  };
}

export type DeployQueue = ReturnType<typeof createDeployQueue>;
