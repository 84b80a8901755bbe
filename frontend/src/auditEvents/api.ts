// The audit trail over GraphQL (read-only: the trail is append-only), and its CSV export
// (GET /api/audit.csv with the same filters, fetched with the bearer token).
import { HttpError, type GetListParams } from 'react-admin';
import { getToken, graphqlRequest } from '../api/graphql';
import { pageOf, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { AuditEventFieldsFragment, AuditFilter, AuditOutcome } from '../gql/graphql';

graphql(`
  fragment AuditEventFields on AuditEvent {
    id
    at
    actorId
    actorName
    action
    objectType
    objectId
    outcome
    errorCode
    message
    ip
    details
  }
`);
const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditFilter, $skip: Int, $take: Int) {
    auditEvents(filter: $filter, skip: $skip, take: $take) {
      ...AuditEventFields
    }
    auditEventCount(filter: $filter)
  }
`);

export type AuditEvent = AuditEventFieldsFragment;
export const OUTCOMES: AuditOutcome[] = ['success', 'failure', 'denied'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** A date input's day, as the start (`from`) or the end (`to`) of that day in the reader's time zone. */
const day = (value: unknown, end: boolean): string | undefined => {
  const raw = text(value);
  if (!raw) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T${end ? '23:59:59.999' : '00:00:00'}`) : new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** The list's filter form as the API's AuditFilter. */
export const auditFilterOf = (filter: Record<string, unknown> = {}): AuditFilter => {
  const outcome = text(filter.outcome);
  return {
    actor: text(filter.actor),
    action: text(filter.action),
    objectType: text(filter.objectType),
    objectId: text(filter.objectId),
    outcome: outcome && (OUTCOMES as string[]).includes(outcome) ? (outcome as AuditOutcome) : undefined,
    from: day(filter.from, false),
    to: day(filter.to, true),
  };
};

export const auditEventsApi = {
  getList: async (params: GetListParams) => {
    const { perPage, skip } = pageOf(params);
    const result = await graphqlRequest(AuditEventsQuery, { filter: auditFilterOf(params.filter as Record<string, unknown>), skip, take: perPage });
    return { data: result.auditEvents, total: result.auditEventCount };
  },
  // The trail is read as a list; a single event has no page of its own.
  getOne: async () => null,
} satisfies ResourceApi<AuditEvent>;

/** Downloads the trail (with the list's filters) as CSV: fetched with the token, saved through a blob link. */
export async function downloadAuditCsv(filter: Record<string, unknown>): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(auditFilterOf(filter))) if (typeof value === 'string') params.set(key, value);
  const res = await fetch(`/api/audit.csv?${params.toString()}`, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
  if (!res.ok) throw new HttpError(res.status === 404 ? 'You may not read the audit trail.' : `The export failed (HTTP ${res.status}).`, res.status);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'audit.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
