import { Injectable } from '@nestjs/common';
import { RequestStore } from '../../requests/request-store.js';
import { ServicesService } from '../../services/services.service.js';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';

/**
 * `retire_service`: marks retired the service a retirement request retires (its items'
 * playbooks removed what was deployed); for a rollback, says what was undone. Reads: the
 * request's plan. Writes: the service's status; the order that made it no longer counts
 * against quotas.
 */
@Injectable()
export class RetireServiceMethod implements StateMethodHandler {
  readonly name = 'retire_service';

  constructor(
    private readonly services: ServicesService,
    private readonly store: RequestStore,
  ) {}

  async run(ctx: StateContext): Promise<Outcome> {
    const plan = ctx.request.plan;
    if (plan.action === 'rollback') return { kind: 'ok', message: `rolled back what request ${plan.rollbackOf} deployed` };
    if (!plan.serviceId) return { kind: 'error', message: 'retire_service is for retirement requests: this request retires no service.' };
    const retired = await this.services.retire(plan.serviceId);
    const service = await this.services.get(plan.serviceId);
    await this.store.releaseQuota(service.requestId);
    return { kind: 'ok', message: retired ? 'service retired' : 'the service was retired already' };
  }
}
