import type { Logger } from '@nestjs/common';
import { channels, type PubSubService } from '../pubsub/pubsub.service.js';

/** Tells a job's live streams (events and log) that it has ended: they read the database one last time. */
export async function publishJobDone(pubsub: PubSubService, jobId: string, logger: Logger): Promise<void> {
  await Promise.all([pubsub.publish(channels.jobEvents(jobId), { done: true }), pubsub.publish(channels.jobLog(jobId), { done: true })]).catch((err: Error) =>
    logger.warn(`job ${jobId}: publish failed: ${err.message}`),
  );
}
