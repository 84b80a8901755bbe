import { Injectable } from '@nestjs/common';
import { ServicesService } from '../../services/services.service.js';
import { OLD_PLACEMENT } from '../../requests/request-item.entity.js';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';

/**
 * `update_service`: the service a reconfiguration, a heal or a migration changed takes the outputs its items
 * returned, merged over what it had (per item too, for a bundle). Reads: the items, the
 * service. Writes: the service's outputs.
 */
@Injectable()
export class UpdateServiceMethod implements StateMethodHandler {
  readonly name = 'update_service';

  constructor(private readonly services: ServicesService) {}

  async run(ctx: StateContext): Promise<Outcome> {
    const plan = ctx.request.plan;
    if (!['reconfigure', 'heal', 'migrate'].includes(plan.action) || !plan.serviceId) {
      return { kind: 'error', message: 'update_service is for reconfiguration, heal and migration requests: this request changes no service.' };
    }
    const service = await this.services.get(plan.serviceId);
    const outputs: Record<string, unknown> = { ...service.outputs };
    const perItem = outputs.items && typeof outputs.items === 'object' ? { ...(outputs.items as Record<string, Record<string, unknown>>) } : null;
    // A migration's items that retired the old placement gave nothing the service keeps.
    const items = (await ctx.items()).filter((item) => !item.name.endsWith(OLD_PLACEMENT));
    if (plan.action === 'migrate') {
      const providerIds = items.flatMap((i) => [i.plan.providerId, ...(i.plan.sites ?? []).map((s) => s.providerId)]);
      if (!(await this.services.moved(plan.serviceId, providerIds))) {
        return { kind: 'error', message: 'The service is no longer active: it was not updated.' };
      }
    }
    for (const item of items) {
      Object.assign(outputs, item.outputs ?? {});
      if (perItem && item.name in perItem) perItem[item.name] = { ...perItem[item.name], ...(item.outputs ?? {}) };
    }
    if (perItem) outputs.items = perItem;
    const updated = await this.services.reconfigured(plan.serviceId, outputs);
    return updated ? { kind: 'ok', message: 'service updated' } : { kind: 'error', message: 'The service is no longer active: it was not updated.' };
  }
}
