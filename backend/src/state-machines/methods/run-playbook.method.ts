import { Injectable } from '@nestjs/common';
import { RequestStore } from '../../requests/request-store.js';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';
import { startNextIndex } from './start-next-index.js';

/**
 * `run_playbook`: starts the pending items of the lowest index that has not succeeded yet
 * (items of one index run in parallel). Reads and writes: the items' status (pending →
 * queued); the engine then runs them.
 */
@Injectable()
export class RunPlaybookMethod implements StateMethodHandler {
  readonly name = 'run_playbook';

  constructor(private readonly store: RequestStore) {}

  async run(ctx: StateContext): Promise<Outcome> {
    const started = await startNextIndex(this.store, ctx);
    return { kind: 'ok', message: started.length ? `started ${started.join(', ')}` : 'nothing left to start' };
  }
}
