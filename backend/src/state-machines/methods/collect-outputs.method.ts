import { Injectable } from '@nestjs/common';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';

/**
 * `collect_outputs`: every item succeeded; names the outputs they returned (set_stats),
 * which the next state gives the service. Reads: the items. Writes nothing.
 */
@Injectable()
export class CollectOutputsMethod implements StateMethodHandler {
  readonly name = 'collect_outputs';

  async run(ctx: StateContext): Promise<Outcome> {
    const all = await ctx.items();
    const notDone = all.filter((i) => i.status !== 'successful');
    if (notDone.length) return { kind: 'error', message: `Items not finished: ${notDone.map((i) => `${i.name} (${i.status})`).join(', ')}.` };
    const keys = all.flatMap((i) => Object.keys(i.outputs ?? {}).map((k) => `${i.name}.${k}`));
    return { kind: 'ok', message: keys.length ? `outputs: ${keys.join(', ')}` : 'no outputs' };
  }
}
