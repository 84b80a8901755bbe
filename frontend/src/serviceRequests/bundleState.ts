// The progress of a bundle request's state machine, worked out from its transitions. The API gives
// the states the request has entered (oldest first) and the current one; the states after the
// current one are not known until entered, so a running request ends with "more to come".
import type { RequestTransition, ServiceRequest } from '../types';

export type StepStatus = 'done' | 'current' | 'failed' | 'waiting';

export interface StateStep {
  state: string;
  status: StepStatus;
  /** Times the state was tried: 1, plus its retries. */
  attempts: number;
  /** The latest thing said about it (an ok, retry or error message), if any. */
  message: string | null;
  enteredAt: string | null;
  transitions: RequestTransition[];
}

export const stateSteps = (request: Pick<ServiceRequest, 'state' | 'status' | 'stateAttempt' | 'transitions'>): StateStep[] => {
  const order: string[] = [];
  const byState = new Map<string, RequestTransition[]>();
  for (const t of request.transitions) {
    if (!t.state) continue;
    if (!byState.has(t.state)) {
      byState.set(t.state, []);
      order.push(t.state);
    }
    byState.get(t.state)?.push(t);
  }
  if (request.state && !byState.has(request.state)) {
    byState.set(request.state, []);
    order.push(request.state);
  }
  return order.map((state): StateStep => {
    const transitions = byState.get(state) ?? [];
    const isCurrent = state === request.state;
    let status: StepStatus;
    if (!isCurrent) status = 'done';
    else if (request.status === 'finished') status = 'done';
    else if (request.status === 'failed' || request.status === 'canceled') status = 'failed';
    else if (request.status === 'pending' || request.status === 'queued') status = transitions.length ? 'current' : 'waiting';
    else status = 'current';
    // Attempts since the last resume: a resumed state starts again from its first attempt.
    const lastResume = transitions.map((t) => t.event).lastIndexOf('resumed');
    const since = transitions.slice(lastResume + 1);
    const retries = since.filter((t) => t.event === 'retry').length;
    const said = [...transitions].reverse().find((t) => t.message && t.event !== 'entered' && t.event !== 'hook');
    return {
      state,
      status,
      attempts: 1 + (isCurrent ? Math.max(retries, request.stateAttempt) : retries),
      message: said?.message ?? null,
      enteredAt: transitions.find((t) => t.event === 'entered')?.at ?? null,
      transitions,
    };
  });
};

/** Items grouped by index, in ascending order: one group runs in parallel, groups one after another. */
export const groupByIndex = <T extends { index: number; name: string }>(items: T[]): [number, T[]][] => {
  const groups = new Map<number, T[]>();
  for (const item of [...items].sort((a, b) => a.index - b.index || a.name.localeCompare(b.name))) {
    const group = groups.get(item.index) ?? [];
    group.push(item);
    groups.set(item.index, group);
  }
  return [...groups.entries()];
};
