import { Injectable } from '@nestjs/common';
import { RequestStore } from '../../requests/request-store.js';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';

const HOUR_MS = 3_600_000;

/**
 * `approve`: an order whose item asks for approval (`plan.approval`, fixed when it was ordered)
 * waits, pending_approval, until enough distinct approvers approve it; one denial, or no
 * decision within the policy's hours, ends it denied. Any other order is approved at once,
 * without a read. Reads: the decisions (request_approvals). Writes nothing: the decisions are
 * made by approveServiceRequest / denyServiceRequest.
 */
@Injectable()
export class ApproveMethod implements StateMethodHandler {
  readonly name = 'approve';

  constructor(private readonly store: RequestStore) {}

  async run(ctx: StateContext): Promise<Outcome> {
    const { request } = ctx;
    const policy = request.plan.approval;
    if (!policy) return { kind: 'ok', message: 'approved automatically: the item needs no approval' };
    const decisions = await this.store.decisions(request.id);
    const denial = decisions.find((d) => d.decision === 'denied');
    if (denial) return { kind: 'denied', message: `Denied by ${denial.approverName}: ${denial.reason ?? 'no reason given'}` };
    const approvers = decisions.filter((d) => d.decision === 'approved').map((d) => d.approverName);
    if (approvers.length >= policy.approvals) return { kind: 'ok', message: `approved by ${approvers.join(', ')}` };
    const since = request.stateEnteredAt?.getTime() ?? Date.now();
    if (Date.now() - since >= policy.timeoutHours * HOUR_MS) {
      return { kind: 'denied', message: `Denied: not approved within ${policy.timeoutHours} hours (${approvers.length} of ${policy.approvals} approvals).` };
    }
    const missing = policy.approvals - approvers.length;
    return {
      kind: 'approval',
      message: `Waiting for ${missing} ${missing === 1 ? 'approval' : 'approvals'}${approvers.length ? ` (approved by ${approvers.join(', ')})` : ''}. ${policy.reason}`,
    };
  }
}
