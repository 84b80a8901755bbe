import type { RequestItemEntity } from '../../requests/request-item.entity.js';
import type { RequestPlan, ServiceRequestEntity } from '../../requests/service-request.entity.js';
import type { StateContext } from './state-method.js';

/** For the methods' unit specs: an item with a plan of one playbook. */
export function item(name: string, index: number, status: RequestItemEntity['status'], extra: Partial<RequestItemEntity> = {}): RequestItemEntity {
  return {
    id: `id-${name}`,
    requestId: 'r1',
    name,
    index,
    status,
    jobId: null,
    outputs: null,
    message: null,
    startedAt: null,
    finishedAt: null,
    ...extra,
    plan: { repoId: 'repo-1', commit: 'c1', playbook: `${name}.yml`, providerId: 'p1', extraVars: {}, repoName: 'playbooks', inputs: {}, ...extra.plan },
  };
}

/** For the methods' unit specs: a request in state `state` and a context over `items` that records what it launched. */
export function fakeContext(items: RequestItemEntity[], plan: Partial<RequestPlan> = {}): StateContext & { launched: string[]; reads: number } {
  const request = {
    id: 'r1',
    templateId: 't1',
    requesterId: 'u1',
    dialogValues: {},
    plan: { action: 'provision', refresh: 'always', machine: { name: 'provision', states: [] }, ...plan },
    state: 'x',
    stateAttempt: 0,
    stateEnteredAt: new Date(),
    status: 'running',
    message: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    finishedAt: null,
  } as ServiceRequestEntity;
  const ctx = {
    request,
    launched: [] as string[],
    reads: 0,
    items: async () => {
      ctx.reads++;
      return items;
    },
    itemsChanged: () => undefined,
    once: <T>(_key: string, read: () => Promise<T>) => read(),
    launch: (started: { name: string }[]) => ctx.launched.push(...started.map((i) => i.name)),
  };
  return ctx;
}
