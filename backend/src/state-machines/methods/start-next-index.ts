import type { RequestStore } from '../../requests/request-store.js';
import type { StateContext } from './state-method.js';

/** Queues the pending items of the lowest index not yet successful and hands them to the engine; their names. */
export async function startNextIndex(store: Pick<RequestStore, 'queueNextIndex'>, ctx: StateContext): Promise<string[]> {
  const started = await store.queueNextIndex(ctx.request.id);
  if (started.length) {
    const queued = new Set(started.map((i) => i.id));
    ctx.itemsChanged((items) => items.map((i) => (queued.has(i.id) ? { ...i, status: 'queued' as const } : i)));
    ctx.launch(started);
  }
  return started.map((i) => i.name);
}
