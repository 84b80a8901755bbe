import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { serviceDates } from '../../requests/lifetime.js';
import { RequestStore } from '../../requests/request-store.js';
import { ServicesService } from '../../services/services.service.js';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';

/**
 * `create_service`: the service of a provisioning request, named as the request says, with
 * the outputs of its items — one item's as they are (a single playbook), or every item's
 * merged plus `items` by name (a bundle) — and every provider it was deployed on. Once: a
 * resumed request does not make a second. A request whose items all ran in check mode is a
 * preview: it makes no service. Its retirement date comes from the order's lifetime (the
 * portal's clock). Reads: the items. Writes: the service.
 */
@Injectable()
export class CreateServiceMethod implements StateMethodHandler {
  readonly name = 'create_service';

  constructor(
    private readonly services: ServicesService,
    private readonly clock: Clock,
    private readonly store: RequestStore,
  ) {}

  async run(ctx: StateContext): Promise<Outcome> {
    const { request } = ctx;
    const all = await ctx.items();
    if (all.length > 0 && all.every((i) => i.plan.options?.check)) {
      // An order that made nothing holds no share of the quotas.
      await this.store.releaseQuota(request.id);
      return { kind: 'ok', message: 'a preview: every item ran in check mode, so nothing was changed and no service was made' };
    }
    const shape = request.plan.service ?? { name: 'Service', outputs: 'per-item' };
    let outputs: Record<string, unknown>;
    if (shape.outputs === 'flat') {
      outputs = { ...(all[0]?.outputs ?? {}) };
    } else {
      outputs = {};
      for (const item of all) Object.assign(outputs, item.outputs ?? {});
      outputs.items = Object.fromEntries(all.map((i) => [i.name, i.outputs ?? {}]));
    }
    const made = await this.services.create({
      // The id its playbooks were given (superfluid_service_id); older requests have none.
      ...(shape.id ? { id: shape.id } : {}),
      name: shape.name,
      requestId: request.id,
      templateId: request.templateId,
      ownerId: request.requesterId,
      tenantId: request.tenantId,
      groupIds: request.groupIds,
      providerId: all[0]?.plan.providerId ?? null,
      // Every site's provider: each item's run holds the whole inventory.
      providerIds: all.flatMap((i) => [i.plan.providerId, ...(i.plan.sites ?? []).map((s) => s.providerId)]),
      outputs,
      ...serviceDates(request.plan.lifetime, this.clock.now()),
    });
    return { kind: 'ok', message: made ? 'service created' : 'the service exists already' };
  }
}
