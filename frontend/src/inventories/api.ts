// Multi-site inventories over GraphQL: the inventories resource (list, show, create, edit, delete).
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { localPage, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { InventoryDetailFieldsFragment, InventoryFieldsFragment, InventoryInput as InventoryInputType } from '../gql/graphql';
import type { JsonObject, JsonValue } from '../types';

graphql(`
  fragment InventoryFields on Inventory {
    id
    name
    description
    sites {
      name
      providerId
      hosts
      variables
    }
    createdAt
    updatedAt
    tenantId
    sharedWith
  }
`);
// An inventory read by id carries what a run gets (rendered on the server for each read); list rows do not.
graphql(`
  fragment InventoryDetailFields on Inventory {
    ...InventoryFields
    rendered
  }
`);
const InventoriesQuery = graphql(`
  query Inventories {
    inventories {
      ...InventoryFields
    }
  }
`);
const InventoryQuery = graphql(`
  query Inventory($id: ID!) {
    inventory(id: $id) {
      ...InventoryDetailFields
    }
  }
`);
const CreateInventoryMutation = graphql(`
  mutation CreateInventory($input: InventoryInput!) {
    createInventory(input: $input) {
      ...InventoryDetailFields
    }
  }
`);
const UpdateInventoryMutation = graphql(`
  mutation UpdateInventory($id: ID!, $input: InventoryInput!) {
    updateInventory(id: $id, input: $input) {
      ...InventoryDetailFields
    }
  }
`);
const ShareInventoryMutation = graphql(`
  mutation ShareInventory($id: ID!, $tenantIds: [ID!]!) {
    shareInventory(id: $id, tenantIds: $tenantIds) {
      ...InventoryDetailFields
    }
  }
`);
const DeleteInventoryMutation = graphql(`
  mutation DeleteInventory($id: ID!) {
    deleteInventory(id: $id)
  }
`);

/** A site: an inventory group bound to a provider, some of its hosts (all when empty) and variables. */
export type InventorySite = Omit<InventoryFieldsFragment['sites'][number], 'variables'> & { variables: JsonObject | null };

/** An inventory; `rendered` (what a run gets: groups per site, hosts, connection variables, no
 * secrets) on one read by id, absent from list rows. */
export type Inventory = Omit<InventoryFieldsFragment, 'sites'> & { sites: InventorySite[]; rendered?: JsonValue };

/** What createInventory / updateInventory take, as the inventory form makes it (inventoryInput.ts). */
export type InventoryInput = Required<Pick<InventoryInputType, 'name' | 'description'>> & {
  sites: { name: string; providerId: string; hosts: string[]; variables: JsonObject | null }[];
};

const asInventory = (row: InventoryFieldsFragment | InventoryDetailFieldsFragment): Inventory => row as Inventory;

export const inventoriesApi = {
  getList: (params) => localPage(params, async () => (await graphqlRequest(InventoriesQuery, {})).inventories.map(asInventory)),
  getOne: async (id) => {
    const { inventory } = await graphqlRequest(InventoryQuery, { id: String(id) });
    return inventory ? asInventory(inventory) : null;
  },
  // The inventory form sends an InventoryInput (see inventoryInput.ts).
  create: async (data) => asInventory((await graphqlRequest(CreateInventoryMutation, { input: data as InventoryInput })).createInventory),
  update: async (id: Identifier, data) => {
    const { name, description, sites } = data as InventoryInput;
    return asInventory((await graphqlRequest(UpdateInventoryMutation, { id: String(id), input: { name, description, sites } })).updateInventory);
  },
  // CONFLICT while a catalog item uses it, with the server's message naming the items.
  delete: async (id) => {
    await graphqlRequest(DeleteInventoryMutation, { id: String(id) });
  },
  /** Shares the inventory with these tenants (replacing its shares): their catalog items, and those of the tenants below, may use it. */
  share: async (id: string, tenantIds: string[]): Promise<Inventory> =>
    asInventory((await graphqlRequest(ShareInventoryMutation, { id, tenantIds })).shareInventory),
} satisfies ResourceApi<Inventory> & Record<string, unknown>;
