import { Module } from '@nestjs/common';
import { QueuesResolver } from './queues.resolver.js';

/**
 * The queues and workers page's API: BullMQ's counts, oldest waiting job, connected workers and
 * failed jobs (with a retry), read through QueueService (the global queue module).
 */
@Module({ providers: [QueuesResolver] })
export class QueueMonitorModule {}
