import { Injectable } from '@nestjs/common';
import type { RequestItemEntity } from '../../requests/request-item.entity.js';
import { RequestStore } from '../../requests/request-store.js';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';
import { startNextIndex } from './start-next-index.js';

/**
 * `wait_for_jobs`: waits for the running index; starts the next one when it succeeded;
 * fails, naming each failed item (and what was deployed before it), when one failed.
 * Reads: the items. Writes: the next index's items (pending → queued).
 */
@Injectable()
export class WaitForJobsMethod implements StateMethodHandler {
  readonly name = 'wait_for_jobs';

  constructor(private readonly store: RequestStore) {}

  async run(ctx: StateContext): Promise<Outcome> {
    const all = await ctx.items();
    const open = all.filter((i) => i.status !== 'successful');
    if (open.length === 0) return { kind: 'ok', message: `${all.length} ${all.length === 1 ? 'item' : 'items'} succeeded` };
    const index = Math.min(...open.map((i) => i.index));
    const current = open.filter((i) => i.index === index);
    const failed = current.filter((i) => i.status === 'failed' || i.status === 'canceled');
    if (failed.length && !current.some((i) => i.status === 'running' || i.status === 'queued')) {
      // A job canceled by a user (and nothing failed): the request ends canceled, not failed.
      if (failed.every((i) => i.status === 'canceled') && failed.some((i) => i.jobId)) {
        return { kind: 'canceled', message: failed.map((i) => describe(i, all.length)).join('\n') };
      }
      const done = all.filter((i) => i.status === 'successful').map((i) => (i.plan.site ? `${i.name} (site ${i.plan.site})` : i.name));
      const rollback = ctx.request.plan.onFailure === 'rollback';
      return {
        kind: 'error',
        message:
          failed.map((i) => describe(i, all.length)).join('\n') +
          (done.length ? `\nAlready deployed${rollback ? ', to be rolled back' : ' and kept'}: ${done.join(', ')}.` : ''),
      };
    }
    if (current.some((i) => i.status === 'pending') && !failed.length) await startNextIndex(this.store, ctx);
    return { kind: 'wait' };
  }
}

/** An item that did not succeed, in words: its message alone when it is the request's only item. */
function describe(item: RequestItemEntity, of: number): string {
  if (of === 1 && !item.plan.site) return item.message ?? item.status;
  return `Item "${item.name}"${item.plan.site ? ` (site ${item.plan.site})` : ''} ${item.status}: ${item.message ?? 'no message'}`;
}
