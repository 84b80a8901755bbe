// Shared value types of the UI that the schema does not name. The API's own types are generated from
// backend/schema.gql (src/gql, see codegen.ts) and refined in each resource folder's api.ts.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Provider.type and ProviderInput.type (a String in the schema): the kinds of provider. */
export const PROVIDER_TYPES = ['local', 'ssh', 'openstack', 'kubernetes'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];
