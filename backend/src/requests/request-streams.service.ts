import { Injectable } from '@nestjs/common';
import { CATCH_UP, channels, LiveQueue, PubSubService } from '../pubsub/pubsub.service.js';
import type { ServiceRequestModel } from './models/service-request.model.js';
import { RequestsService } from './requests.service.js';
import { TERMINAL_REQUEST_STATUSES } from './service-request.entity.js';

/** The request's own columns: a subscriber selecting only these is told of their changes only. */
const ROW_FIELDS = new Set([
  '__typename',
  'id',
  'status',
  'message',
  'dialogValues',
  'createdAt',
  'updatedAt',
  'finishedAt',
  'templateId',
  'state',
  'stateAttempt',
  'action',
  'serviceId',
]);

/** Re-read the request after this long without a message (pub/sub can lose one). */
const IDLE_MS = 5_000;

@Injectable()
export class RequestStreamsService {
  constructor(
    private readonly requests: RequestsService,
    private readonly pubsub: PubSubService,
  ) {}

  /**
   * The request as it is now, then after each change of what the subscriber selected, until
   * it has ended. `fields`: the fields selected (null: any). A subscriber that selects only
   * the request's own columns hears only of changes to them; one that selects its items, jobs
   * or transitions hears of every change the engine announces. The caller has checked that
   * the request exists (and may be seen): it is read first once subscribed, so no change is missed.
   */
  async *updates(id: string, fields: string[] | null = null): AsyncGenerator<ServiceRequestModel> {
    const live = new LiveQueue<unknown>();
    const unsubscribe = await this.pubsub.subscribe(channels.request(id), (m) => live.push(m));
    try {
      let last = '';
      // A published message is a change: a request's items and transitions change without touching the
      // request row, so they cannot be told from it. A re-read after silence (CATCH_UP) is sent only
      // when the row shows a change; so is any change when only row fields were selected.
      const rowOnly = fields !== null && fields.every((f) => ROW_FIELDS.has(f));
      let published = true;
      for (;;) {
        const current = await this.requests.get(id);
        const key = rowOnly
          ? JSON.stringify(fields.map((f) => current[f as keyof ServiceRequestModel]))
          : `${current.status}:${current.updatedAt.toISOString()}:${current.state ?? ''}:${current.stateAttempt}`;
        if (key !== last || (published && !rowOnly)) {
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
