// Alarms over GraphQL (the seed's NS fault management): the alarms resource (open, cleared or both,
// by severity and kind, newest first), acknowledging and clearing one, and the live count of open
// alarms for the app bar.
import type { GetListParams, Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { pageOf, type ResourceApi } from '../api/resource';
import { subscribe } from '../api/subscriptions';
import { oneOf } from '../common/listFilters';
import { graphql } from '../gql';
import type { AlarmFieldsFragment, AlarmFilter, AlarmKind, AlarmSeverity } from '../gql/graphql';

graphql(`
  fragment AlarmFields on Alarm {
    id
    kind
    severity
    objectType
    objectId
    tenantId
    message
    raisedAt
    acknowledgedAt
    acknowledgedBy
    clearedAt
    clearReason
  }
`);
const AlarmsQuery = graphql(`
  query Alarms($filter: AlarmFilter, $skip: Int, $take: Int) {
    alarms(filter: $filter, skip: $skip, take: $take) {
      ...AlarmFields
    }
    alarmCount(filter: $filter)
  }
`);
const AlarmQuery = graphql(`
  query Alarm($id: ID!) {
    alarm(id: $id) {
      ...AlarmFields
    }
  }
`);
const AcknowledgeAlarmMutation = graphql(`
  mutation AcknowledgeAlarm($id: ID!) {
    acknowledgeAlarm(id: $id) {
      ...AlarmFields
    }
  }
`);
const ClearAlarmMutation = graphql(`
  mutation ClearAlarm($id: ID!) {
    clearAlarm(id: $id) {
      ...AlarmFields
    }
  }
`);
const OpenAlarmCountSubscription = graphql(`
  subscription OpenAlarmCount {
    openAlarmCount
  }
`);

export type Alarm = AlarmFieldsFragment;

export const ALARM_SEVERITIES: Record<AlarmSeverity, string> = { critical: 'Critical', major: 'Major', minor: 'Minor', warning: 'Warning' };
export const ALARM_KINDS: Record<AlarmKind, string> = {
  request_failed: 'Request failed',
  provider_down: 'Provider down',
  worker_lost: 'Worker lost',
  queue_backlog: 'Queue backlog',
  threshold_crossed: 'Threshold crossed',
};
/** The list's "Status" filter besides open (no value, the default): cleared (the history) or both. */
export const ALARM_STATES = { cleared: 'Cleared', all: 'All' } as const;

/** The list's filter form as the API's AlarmFilter. */
export const alarmFilterOf = (filter: Record<string, unknown> = {}): AlarmFilter => ({
  open: filter.state === 'cleared' ? false : filter.state === 'all' ? null : true,
  severities: oneOf(filter.severity, ALARM_SEVERITIES),
  kinds: oneOf(filter.kind, ALARM_KINDS),
});

/** Where the alarm's object is shown: a request's or a provider's page. */
export const alarmObjectPath = (alarm: Pick<Alarm, 'objectType' | 'objectId'>): string | null => {
  const id = encodeURIComponent(alarm.objectId);
  if (alarm.objectType === 'request') return `/serviceRequests/${id}/show`;
  if (alarm.objectType === 'provider') return `/providers/${id}/show`;
  if (alarm.objectType === 'queue') return '/queues';
  if (alarm.objectType === 'service') return `/services/${id}/show`;
  return null;
};

export const alarmsApi = {
  getList: async (params: GetListParams) => {
    const { perPage, skip } = pageOf(params);
    const result = await graphqlRequest(AlarmsQuery, { filter: alarmFilterOf(params.filter as Record<string, unknown>), skip, take: perPage });
    return { data: result.alarms, total: result.alarmCount };
  },
  getOne: async (id: Identifier) => (await graphqlRequest(AlarmQuery, { id: String(id) })).alarm,
  /** Someone is on it: the alarm stays open until cleared. CONFLICT once cleared. */
  acknowledge: async (id: Identifier): Promise<Alarm> => (await graphqlRequest(AcknowledgeAlarmMutation, { id: String(id) })).acknowledgeAlarm,
  /** Clears an open alarm by hand (recorded with who did). */
  clear: async (id: Identifier): Promise<Alarm> => (await graphqlRequest(ClearAlarmMutation, { id: String(id) })).clearAlarm,
} satisfies ResourceApi<Alarm> & Record<string, unknown>;

/** How many alarms of the caller's tenants are open, now and at each change; returns the function that stops listening. */
export const watchOpenAlarmCount = (onCount: (count: number) => void, onError: (error: unknown) => void): (() => void) =>
  subscribe(OpenAlarmCountSubscription, {}, { next: (data) => onCount(data.openAlarmCount), error: onError });
