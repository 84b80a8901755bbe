// The progress of a bundle request's state machine, worked out from its transitions and the machine
// it follows: every state of the machine in order, those entered with their history, those not
// entered yet waiting. Without the machine (a list row), only the states entered so far are known.
// Also the progress per site of a multi-site bundle, worked out from its items.
import type { RequestItem, RequestTransition, ServiceRequest } from './api';

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

export const stateSteps = (request: Pick<ServiceRequest, 'state' | 'status' | 'stateAttempt' | 'transitions' | 'machine'>): StateStep[] => {
  // The machine's states first, in order; any state entered that it does not name after them.
  const order: string[] = request.machine ? request.machine.states.map((s) => s.name) : [];
  const byState = new Map<string, RequestTransition[]>();
  for (const t of request.transitions) {
    if (!t.state) continue;
    if (!byState.has(t.state)) {
      byState.set(t.state, []);
      if (!order.includes(t.state)) order.push(t.state);
    }
    byState.get(t.state)?.push(t);
  }
  if (request.state && !order.includes(request.state)) order.push(request.state);
  return order.map((state): StateStep => {
    const transitions = byState.get(state) ?? [];
    const isCurrent = state === request.state;
    let status: StepStatus;
    if (!isCurrent && transitions.length === 0) status = 'waiting';
    else if (!isCurrent) status = 'done';
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

export type SiteStatus = 'waiting' | 'running' | 'done' | 'failed';

export interface SiteStep {
  site: string;
  status: SiteStatus;
  /** The site's items (usually one), in index order. */
  items: RequestItem[];
  startedAt: string | null;
  finishedAt: string | null;
  /** What its failed item said, if one failed. */
  message: string | null;
}

const itemSiteStatus = (status: string): SiteStatus => {
  switch (status) {
    case 'successful':
      return 'done';
    case 'failed':
    case 'canceled':
      return 'failed';
    case 'queued':
    case 'running':
      return 'running';
    default:
      return 'waiting';
  }
};

/**
 * The sites of a multi-site bundle, in the order their first item runs: failed when one of their
 * items failed, done when all succeeded, running while one runs (or some are done and others
 * wait), waiting before any started. Empty for a bundle without sites.
 */
export const siteSteps = (items: RequestItem[]): SiteStep[] => {
  const bySite = new Map<string, RequestItem[]>();
  for (const [, group] of groupByIndex(items)) {
    for (const item of group) {
      if (!item.site) continue;
      bySite.set(item.site, [...(bySite.get(item.site) ?? []), item]);
    }
  }
  return [...bySite.entries()].map(([site, siteItems]): SiteStep => {
    const statuses = siteItems.map((i) => itemSiteStatus(i.status));
    const status: SiteStatus = statuses.includes('failed')
      ? 'failed'
      : statuses.every((s) => s === 'done')
        ? 'done'
        : statuses.every((s) => s === 'waiting')
          ? 'waiting'
          : 'running';
    const started = siteItems
      .map((i) => i.startedAt)
      .filter((t): t is string => Boolean(t))
      .sort();
    const finished = siteItems
      .map((i) => i.finishedAt)
      .filter((t): t is string => Boolean(t))
      .sort();
    return {
      site,
      status,
      items: siteItems,
      startedAt: started[0] ?? null,
      finishedAt: status === 'done' || status === 'failed' ? (finished.at(-1) ?? null) : null,
      message: siteItems.find((i) => itemSiteStatus(i.status) === 'failed')?.message ?? null,
    };
  });
};
