import { Injectable } from '@nestjs/common';
import { channels, LiveQueue, PubSubService } from '../pubsub/pubsub.service.js';
import type { ServiceRequestModel } from './models/service-request.model.js';
import { RequestsService } from './requests.service.js';
import { TERMINAL_REQUEST_STATUSES } from './service-request.entity.js';

/** Re-read the request after this long without a message (pub/sub can lose one). */
const IDLE_MS = 5_000;

@Injectable()
export class RequestStreamsService {
  constructor(
    private readonly requests: RequestsService,
    private readonly pubsub: PubSubService,
  ) {}

  /** The request as it is now, then after each change, until it is finished or failed. */
  async *updates(id: string): AsyncGenerator<ServiceRequestModel> {
    await this.requests.get(id);
    const live = new LiveQueue<unknown>();
    const unsubscribe = await this.pubsub.subscribe(channels.request(id), (m) => live.push(m));
    try {
      let last = '';
      for (;;) {
        const current = await this.requests.get(id);
        const key = `${current.status}:${current.updatedAt.toISOString()}`;
        if (key !== last) {
          last = key;
          yield current;
        }
        if (TERMINAL_REQUEST_STATUSES.includes(current.status)) return;
        if ((await live.next(IDLE_MS)) === undefined) return;
      }
    } finally {
      unsubscribe();
      live.close();
    }
  }
}
