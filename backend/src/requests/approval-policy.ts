import type { ApprovalRule, ApprovalSpec } from '../catalog/catalog.types.js';
import type { StateMachineDef } from '../state-machines/state-machine.types.js';
import type { ApprovalPlan } from './service-request.entity.js';

/** What an order is checked against: its dialog values and its requester's groups. */
export interface ApprovalSubject {
  values: Record<string, unknown>;
  groups: string[];
}

/**
 * What an item's approval policy asks of one order, fixed in its plan when it is ordered (a
 * later change of the item changes nothing for it): undefined when it runs without approval.
 */
export function approvalPlan(spec: ApprovalSpec | null | undefined, order: ApprovalSubject): ApprovalPlan | undefined {
  if (!spec || spec.mode === 'automatic') return undefined;
  const needs = (reason: string): ApprovalPlan => ({ approvals: spec.approvals, timeoutHours: spec.timeoutHours, reason });
  const who = spec.approvals === 1 ? 'an approver' : `${spec.approvals} approvers`;
  if (spec.mode === 'manual') return needs(`The item needs ${who}.`);
  const matched = (spec.rules ?? []).find((rule) => matches(rule, order));
  return matched ? needs(`The order needs ${who}: ${describeRule(matched)}.`) : undefined;
}

/** Whether the item's rules send an order over a quota to an approver instead of refusing it. */
export const approvesOverQuota = (spec: ApprovalSpec | null | undefined): boolean =>
  spec?.mode === 'rules' && (spec.rules ?? []).some((rule) => 'quotaExceeded' in rule);

/** The approval an order over a quota waits for (its approval lets it pass the quota). */
export function overQuotaApproval(spec: ApprovalSpec, refusal: string): ApprovalPlan {
  const who = spec.approvals === 1 ? 'an approver' : `${spec.approvals} approvers`;
  return { approvals: spec.approvals, timeoutHours: spec.timeoutHours, reason: `The order needs ${who}: it would exceed a quota. ${refusal}`, overQuota: true };
}

function matches(rule: ApprovalRule, { values, groups }: ApprovalSubject): boolean {
  if ('quotaExceeded' in rule) return false; // decided by the quota check itself (approvesOverQuota)
  if ('group' in rule) return groups.includes(rule.group);
  const value = values[rule.field];
  const each = Array.isArray(value) ? (value as unknown[]) : [value];
  if ('equals' in rule) return each.some((v) => same(v, rule.equals));
  if ('in' in rule) return each.some((v) => rule.in.some((x) => same(v, x)));
  return each.some((v) => (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) && Number(v) >= rule.atLeast);
}

/** A dialog value as the form sent it (a number may come as text) against a rule's value. */
const same = (value: unknown, expected: string | number | boolean): boolean =>
  value === expected || (value !== null && value !== undefined && String(value) === String(expected));

export function describeRule(rule: ApprovalRule): string {
  if ('quotaExceeded' in rule) return 'it would exceed a quota';
  if ('group' in rule) return `the requester is in group "${rule.group}"`;
  if ('equals' in rule) return `${rule.field} is ${JSON.stringify(rule.equals)}`;
  if ('in' in rule) return `${rule.field} is one of ${rule.in.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${rule.field} is at least ${rule.atLeast}`;
}

/** The state an order that needs approval waits in when its machine has none of its own: the first. */
export const APPROVE_STATE = { name: 'approve', method: 'approve' } as const;

/**
 * The machine an order follows: one that waits for approval must begin with a state calling
 * `approve`; a machine that does not (an older stored `provision`, a bundle's own) gets one
 * first, so no policy is ever skipped, or come late, in the machine an item names.
 */
export function withApproval(machine: StateMachineDef, approval: ApprovalPlan | undefined): StateMachineDef {
  // An approve state anywhere but first would let the states before it run unapproved.
  if (!approval || machine.states[0]?.method === 'approve') return machine;
  const name = machine.states.some((s) => s.name === APPROVE_STATE.name) ? 'approval' : APPROVE_STATE.name;
  return { ...machine, states: [{ name, method: 'approve' }, ...machine.states] };
}
