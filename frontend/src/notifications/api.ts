// Notifications over GraphQL: the signed-in user's in-app inbox (the bell: newest first, marking
// read, the live unread count) and their subscriptions (which events, through which channel, of
// their own requests or of a whole tenant): add, pause or resume, remove.
import { graphqlRequest } from '../api/graphql';
import { subscribe } from '../api/subscriptions';
import { graphql } from '../gql';
import type {
  NotificationChannel,
  NotificationEvent,
  NotificationFieldsFragment,
  NotificationSubscriptionFieldsFragment,
  NotificationSubscriptionInput,
} from '../gql/graphql';

graphql(`
  fragment NotificationFields on Notification {
    id
    eventType
    title
    data
    createdAt
    readAt
  }
`);
graphql(`
  fragment NotificationSubscriptionFields on NotificationSubscription {
    id
    eventTypes
    channel
    tenantId
    endpointId
    enabled
    createdAt
  }
`);
const MyNotificationsQuery = graphql(`
  query MyNotifications($unreadOnly: Boolean!, $skip: Int, $take: Int) {
    myNotifications(unreadOnly: $unreadOnly, skip: $skip, take: $take) {
      ...NotificationFields
    }
  }
`);
const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
const UnreadNotificationCountSubscription = graphql(`
  subscription UnreadNotificationCount {
    unreadNotificationCount
  }
`);
const NotificationSubscriptionsQuery = graphql(`
  query NotificationSubscriptions {
    notificationSubscriptions {
      ...NotificationSubscriptionFields
    }
  }
`);
const SubscribeMutation = graphql(`
  mutation SubscribeToNotifications($input: NotificationSubscriptionInput!) {
    subscribeToNotifications(input: $input) {
      ...NotificationSubscriptionFields
    }
  }
`);
const SetSubscriptionEnabledMutation = graphql(`
  mutation SetNotificationSubscriptionEnabled($id: ID!, $enabled: Boolean!) {
    setNotificationSubscriptionEnabled(id: $id, enabled: $enabled) {
      ...NotificationSubscriptionFields
    }
  }
`);
const UnsubscribeMutation = graphql(`
  mutation UnsubscribeFromNotifications($id: ID!) {
    unsubscribeFromNotifications(id: $id)
  }
`);

export type InAppNotification = NotificationFieldsFragment;
export type NotificationSubscription = NotificationSubscriptionFieldsFragment;

export const NOTIFICATION_EVENTS: Record<NotificationEvent, string> = {
  REQUEST_FINISHED: 'Request finished',
  REQUEST_FAILED: 'Request failed',
  REQUEST_AWAITING_APPROVAL: 'Request awaiting approval',
  REQUEST_DENIED: 'Request denied',
  SERVICE_RETIRING_SOON: 'Service retiring soon',
  ALARM_RAISED: 'Alarm raised',
  ALARM_CLEARED: 'Alarm cleared',
  CATALOG_ITEM_CHANGED: 'Catalog item changed',
  REPOSITORY_REFRESHED: 'Repository refreshed',
  VNF_PACKAGE_CHANGED: 'VNF package changed',
};
/** The events of one's own requests and services: all a subscription without a tenant may follow (the server says the same). */
export const OWN_EVENTS: readonly NotificationEvent[] = [
  'REQUEST_FINISHED',
  'REQUEST_FAILED',
  'REQUEST_AWAITING_APPROVAL',
  'REQUEST_DENIED',
  'SERVICE_RETIRING_SOON',
];
export const NOTIFICATION_CHANNELS: Record<NotificationChannel, string> = { in_app: 'In the app (the bell)', email: 'E-mail', webhook: 'Webhook' };

const idOf = (value: unknown): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : null;
};

/**
 * Where a notification leads, from what its data names: the request, else the service, the alarm
 * (the Alarms page: alarms have no page of their own), the catalog item (unless deleted) or the
 * repository list.
 */
export const notificationPath = (n: Pick<InAppNotification, 'data'>): string | null => {
  const data = (typeof n.data === 'object' && n.data !== null ? n.data : {}) as Record<string, unknown>;
  const request = idOf(data.request);
  if (request) return `/serviceRequests/${encodeURIComponent(request)}/show`;
  const service = idOf(data.service);
  if (service) return `/services/${encodeURIComponent(service)}/show`;
  if (idOf(data.alarm)) return '/alarms';
  const item = idOf(data.item);
  if (item && (data.item as { change?: unknown }).change !== 'deleted') return `/catalog/${encodeURIComponent(item)}/order`;
  if (data.repository) return '/gitRepos';
  return null;
};

export const notificationsApi = {
  /** The caller's in-app notifications, newest first. */
  mine: async (take: number, unreadOnly = false): Promise<InAppNotification[]> =>
    (await graphqlRequest(MyNotificationsQuery, { unreadOnly, skip: 0, take })).myNotifications,
  /** Marks these (all when none given) read; how many changed. */
  markRead: async (ids: string[] | null): Promise<number> => (await graphqlRequest(MarkNotificationsReadMutation, { ids })).markNotificationsRead,
  subscriptions: async (): Promise<NotificationSubscription[]> => (await graphqlRequest(NotificationSubscriptionsQuery, {})).notificationSubscriptions,
  subscribe: async (input: NotificationSubscriptionInput): Promise<NotificationSubscription> =>
    (await graphqlRequest(SubscribeMutation, { input })).subscribeToNotifications,
  setEnabled: async (id: string, enabled: boolean): Promise<NotificationSubscription> =>
    (await graphqlRequest(SetSubscriptionEnabledMutation, { id, enabled })).setNotificationSubscriptionEnabled,
  unsubscribe: async (id: string): Promise<void> => {
    await graphqlRequest(UnsubscribeMutation, { id });
  },
};

/** How many of the caller's in-app notifications are unread, now and at each change; returns the function that stops listening. */
export const watchUnreadCount = (onCount: (count: number) => void, onError: (error: unknown) => void): (() => void) =>
  subscribe(UnreadNotificationCountSubscription, {}, { next: (data) => onCount(data.unreadNotificationCount), error: onError });
