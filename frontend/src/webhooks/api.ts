// Webhook endpoints over GraphQL: the webhookEndpoints resource (the endpoints of the caller's
// tenants; update = URL or enabled; delete), creating one and rotating its secret (the secret is in
// that answer only: no record holds it), its delivery log and re-sending a delivery.
import type { GetListParams, Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { localPage, optionalText, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { CreateWebhookEndpointMutation, NotificationDeliveryFieldsFragment, WebhookEndpointFieldsFragment } from '../gql/graphql';

graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    tenantId
    name
    url
    enabled
    createdAt
    secretRotatedAt
  }
`);
graphql(`
  fragment NotificationDeliveryFields on NotificationDelivery {
    id
    eventType
    title
    channel
    status
    attempts
    responseCode
    lastError
    nextAttemptAt
    deliveredAt
    createdAt
  }
`);
const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointFields
    }
  }
`);
const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
`);
const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointUpdate!) {
    updateWebhookEndpoint(id: $id, input: $input) {
      ...WebhookEndpointFields
    }
  }
`);
const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
`);
const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);
const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!, $skip: Int, $take: Int) {
    webhookDeliveries(endpointId: $endpointId, skip: $skip, take: $take) {
      ...NotificationDeliveryFields
    }
  }
`);
const ResendWebhookDeliveryMutation = graphql(`
  mutation ResendWebhookDelivery($id: ID!) {
    resendWebhookDelivery(id: $id) {
      ...NotificationDeliveryFields
    }
  }
`);

export type WebhookEndpoint = WebhookEndpointFieldsFragment;
export type NotificationDelivery = NotificationDeliveryFieldsFragment;
/** An endpoint with its signing secret, shown once. */
export type EndpointWithSecret = CreateWebhookEndpointMutation['createWebhookEndpoint'];

interface EndpointFormValues {
  name?: string;
  url?: string;
  tenantId?: string | null;
  enabled?: boolean;
}

const list = async (): Promise<WebhookEndpoint[]> => (await graphqlRequest(WebhookEndpointsQuery, {})).webhookEndpoints;

export const webhookEndpointsApi = {
  getList: (params: GetListParams) => localPage(params, list),
  getOne: async (id: Identifier) => (await list()).find((e) => e.id === String(id)) ?? null,
  /** Changes the URL and whether it is enabled (the name and tenant stay). */
  update: async (id: Identifier, data: unknown) => {
    const values = data as EndpointFormValues;
    const url = optionalText(values.url);
    return (
      await graphqlRequest(UpdateWebhookEndpointMutation, {
        id: String(id),
        input: { url, enabled: typeof values.enabled === 'boolean' ? values.enabled : null },
      })
    ).updateWebhookEndpoint;
  },
  delete: async (id: Identifier) => {
    await graphqlRequest(DeleteWebhookEndpointMutation, { id: String(id) });
  },
  /** The new endpoint with its secret, in this answer only. VALIDATION_FAILED on url for a URL webhooks may not call. */
  createEndpoint: async (input: { name: string; url: string; tenantId: string | null }): Promise<EndpointWithSecret> =>
    (await graphqlRequest(CreateWebhookEndpointMutation, { input })).createWebhookEndpoint,
  /** Replaces the secret at once; the new one is in this answer only. */
  rotateSecret: async (id: Identifier): Promise<EndpointWithSecret> =>
    (await graphqlRequest(RotateWebhookSecretMutation, { id: String(id) })).rotateWebhookSecret,
  /** The deliveries to an endpoint, newest first, from `skip` (at most 200 at a time). */
  deliveries: async (endpointId: Identifier, skip: number, take: number): Promise<NotificationDelivery[]> =>
    (await graphqlRequest(WebhookDeliveriesQuery, { endpointId: String(endpointId), skip, take })).webhookDeliveries,
  /** One more try of a delivery, now. */
  resend: async (id: Identifier): Promise<NotificationDelivery> =>
    (await graphqlRequest(ResendWebhookDeliveryMutation, { id: String(id) })).resendWebhookDelivery,
} satisfies ResourceApi<WebhookEndpoint> & Record<string, unknown>;
