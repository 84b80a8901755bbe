import type { LifetimeSpec } from '../catalog/catalog.types.js';
import { validationFailed } from '../common/app-error.js';
import type { LifetimePlan } from './service-request.entity.js';

export const DAY_MS = 86_400_000;
const DEFAULT_WARN_DAYS = 7;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * When an order's service will retire, fixed in its plan: the date the order asks for (in the
 * future, within the item's longest lifetime), or the item's default lifetime, or none.
 */
export function lifetimePlan(spec: LifetimeSpec | null | undefined, asked: Date | null | undefined, now: Date): LifetimePlan | undefined {
  const warnDays = spec?.warnDays ?? DEFAULT_WARN_DAYS;
  if (asked) {
    if (Number.isNaN(asked.getTime()) || asked.getTime() <= now.getTime()) {
      throw validationFailed('The retirement date must be in the future.', { retiresAt: 'is not in the future' });
    }
    // The whole last day counts: a date picker's last day, at any hour, is within it.
    if (spec?.maxDays !== undefined && asked.getTime() > now.getTime() + (spec.maxDays + 1) * DAY_MS) {
      const latest = new Date(now.getTime() + spec.maxDays * DAY_MS);
      throw validationFailed(`This item’s services live at most ${spec.maxDays} days: choose a date on or before ${day(latest)}.`, {
        retiresAt: `is after ${day(latest)}`,
      });
    }
    return { retiresAt: asked.toISOString(), ...(spec?.maxDays !== undefined ? { maxDays: spec.maxDays } : {}), warnDays };
  }
  if (!spec) return undefined;
  const days = spec.defaultDays ?? spec.maxDays;
  return { ...(days !== undefined ? { days } : {}), ...(spec.maxDays !== undefined ? { maxDays: spec.maxDays } : {}), warnDays };
}

/** The service's dates, from its order's plan, when it is created at `now`. */
export function serviceDates(plan: LifetimePlan | undefined, now: Date): { retiresAt: Date | null; maxRetiresAt: Date | null; retirementWarnDays: number } {
  if (!plan) return { retiresAt: null, maxRetiresAt: null, retirementWarnDays: DEFAULT_WARN_DAYS };
  // A chosen date that passed while the order waited (for an approver, say) moves on to leave the owner their days of warning.
  const chosen = plan.retiresAt ? Date.parse(plan.retiresAt) : null;
  const retiresAt =
    chosen !== null
      ? new Date(chosen > now.getTime() ? chosen : now.getTime() + Math.max(plan.warnDays, 1) * DAY_MS)
      : plan.days !== undefined
        ? new Date(now.getTime() + plan.days * DAY_MS)
        : null;
  const longest = plan.maxDays !== undefined ? new Date(now.getTime() + plan.maxDays * DAY_MS) : null;
  const maxRetiresAt = longest && retiresAt && retiresAt > longest ? retiresAt : longest;
  return { retiresAt, maxRetiresAt, retirementWarnDays: plan.warnDays };
}
