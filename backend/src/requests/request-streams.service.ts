import { Injectable } from '@nestjs/common';
import { CATCH_UP, channels, LiveQueue, PubSubService } from '../pubsub/pubsub.service.js';
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
      // A published message is a change: a bundle's items and transitions change without touching the
      // request row, so they cannot be told from it. A re-read after silence (CATCH_UP) is sent only
      // when the row shows a change.
      let published = true;
      for (;;) {
        const current = await this.requests.get(id);
        const key = `${current.status}:${current.updatedAt.toISOString()}:${current.state ?? ''}:${current.stateAttempt}`;
        if (published || key !== last) {
          last = key;
          yield current;
        }
        if (TERMINAL_REQUEST_STATUSES.includes(current.status)) return;
        const message = await live.next(IDLE_MS);
        if (message === undefined) return;
        published = message !== CATCH_UP;
      }
    } finally {
      unsubscribe();
      live.close();
    }
  }
}
