import { Injectable } from '@nestjs/common';
import { ServicesService } from '../../services/services.service.js';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';

/**
 * `update_service`: the service a reconfiguration changed takes the outputs its items
 * returned, merged over what it had (per item too, for a bundle). Reads: the items, the
 * service. Writes: the service's outputs.
 */
@Injectable()
export class UpdateServiceMethod implements StateMethodHandler {
  readonly name = 'update_service';

  constructor(private readonly services: ServicesService) {}

  async run(ctx: StateContext): Promise<Outcome> {
    const plan = ctx.request.plan;
    if (plan.action !== 'reconfigure' || !plan.serviceId) {
      return { kind: 'error', message: 'update_service is for reconfiguration requests: this request reconfigures no service.' };
    }
    const service = await this.services.get(plan.serviceId);
    const outputs: Record<string, unknown> = { ...service.outputs };
    const perItem = outputs.items && typeof outputs.items === 'object' ? { ...(outputs.items as Record<string, Record<string, unknown>>) } : null;
    for (const item of await ctx.items()) {
      Object.assign(outputs, item.outputs ?? {});
      if (perItem && item.name in perItem) perItem[item.name] = { ...perItem[item.name], ...(item.outputs ?? {}) };
    }
    if (perItem) outputs.items = perItem;
    const updated = await this.services.reconfigured(plan.serviceId, outputs);
    return updated ? { kind: 'ok', message: 'service updated' } : { kind: 'error', message: 'The service is no longer active: it was not updated.' };
  }
}
