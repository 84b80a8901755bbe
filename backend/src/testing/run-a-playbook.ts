import { type TestApp, waitFor } from './harness.js';

/** Orders of the shipped "Run a playbook" item, as the requests integration tests make and read them. */
export interface OrderedRequest {
  id: string;
  status: string;
  message: string | null;
  finishedAt: string | null;
  jobs: {
    id: string;
    status: string;
    returnCode: number | null;
    stdout: string;
    error: string | null;
    command: string[];
    eventCount: number;
    eventsEmitted: number | null;
    eventsComplete: boolean | null;
    hostSummaries: { host: string; ok: number; changed: number; failures: number; unreachable: number; skipped: number }[];
    events: { seq: number; event: string; host: string | null; task: string | null }[];
  }[];
  service: { id: string; name: string; outputs: Record<string, unknown> } | null;
}

export const REQUEST = `query($id: ID!) { serviceRequest(id: $id) { id status message finishedAt
  jobs { id status returnCode stdout error command eventCount eventsEmitted eventsComplete
    hostSummaries { host ok changed failures unreachable skipped } events { seq event host task } }
  service { id name outputs } } }`;
export const ORDER = 'mutation($i: OrderServiceInput!) { orderService(input: $i) { id status } }';

export async function templateId(app: TestApp): Promise<string> {
  const res = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
  return res.data!.serviceTemplates.find((t) => t.name === 'Run a playbook')!.id;
}

export async function order(app: TestApp, dialogValues: Record<string, unknown>) {
  return app.gql<{ orderService: { id: string; status: string } }>(ORDER, { i: { templateId: await templateId(app), dialogValues } });
}

export async function finished(app: TestApp, id: string): Promise<OrderedRequest> {
  return waitFor(`request ${id} to end`, async () => {
    const r = (await app.gql<{ serviceRequest: OrderedRequest }>(REQUEST, { id })).data?.serviceRequest;
    return r && (r.status === 'finished' || r.status === 'failed') ? r : undefined;
  });
}

/** A promise's outcome, readable once `done`. */
export function settle<T>(promise: Promise<T>): { done: boolean; value?: T; error?: unknown } {
  const outcome: { done: boolean; value?: T; error?: unknown } = { done: false };
  void promise.then(
    (value) => Object.assign(outcome, { done: true, value }),
    (error: unknown) => Object.assign(outcome, { done: true, error }),
  );
  return outcome;
}

export const count = async (app: TestApp, table: string) => Number((await app.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
