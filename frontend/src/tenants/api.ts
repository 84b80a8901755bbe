// Tenants over GraphQL: the tenants resource (the caller's tenants, those below and those above, as a
// tree; create, edit and delete for users:write). Every signed-in user may read the list: the share
// dialogs and the user and group forms pick from it.
import type { GetListParams, Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { localPage, optionalText, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { TenantFieldsFragment } from '../gql/graphql';
import { treeOrder, type Placed } from './tree';

graphql(`
  fragment TenantFields on Tenant {
    id
    name
    description
    parentId
    createdAt
  }
`);
const TenantsQuery = graphql(`
  query Tenants {
    tenants {
      ...TenantFields
    }
  }
`);
const CreateTenantMutation = graphql(`
  mutation CreateTenant($input: TenantInput!) {
    createTenant(input: $input) {
      ...TenantFields
    }
  }
`);
const UpdateTenantMutation = graphql(`
  mutation UpdateTenant($id: ID!, $input: TenantInput!) {
    updateTenant(id: $id, input: $input) {
      ...TenantFields
    }
  }
`);
const DeleteTenantMutation = graphql(`
  mutation DeleteTenant($id: ID!) {
    deleteTenant(id: $id)
  }
`);

/** A tenant with its place in the tree (depth, path, parent's name). The root has no parentId. */
export type Tenant = Placed<TenantFieldsFragment>;

interface TenantFormValues {
  name?: string;
  description?: string | null;
  parentId?: string | null;
}

const tenants = async (): Promise<Tenant[]> => treeOrder((await graphqlRequest(TenantsQuery, {})).tenants);

/** The root tenant keeps no parent; any other goes under the one picked (the server's default: the root). */
const toInput = (data: unknown) => {
  const values = data as TenantFormValues;
  return {
    name: optionalText(values.name) ?? '',
    description: optionalText(values.description) ?? '',
    ...(values.parentId ? { parentId: values.parentId } : {}),
  };
};

const placed = async (id: string): Promise<Tenant> => {
  const found = (await tenants()).find((t) => t.id === id);
  if (!found) throw new Error(`Tenant ${id} is not among yours`);
  return found;
};

export const tenantsApi = {
  // Always in tree order (parents before their children), whatever column react-admin asks to sort by:
  // the list indents names by depth. `q` searches names and descriptions.
  getList: (params: GetListParams) => localPage({ ...params, sort: { field: 'id', order: 'ASC' } }, tenants),
  getOne: async (id) => (await tenants()).find((t) => t.id === String(id)) ?? null,
  create: async (data) => placed((await graphqlRequest(CreateTenantMutation, { input: toInput(data) })).createTenant.id),
  update: async (id: Identifier, data) => placed((await graphqlRequest(UpdateTenantMutation, { id: String(id), input: toInput(data) })).updateTenant.id),
  // CONFLICT while anything belongs to it (sub-tenants, users, groups, items...), and for the root: the server's message.
  delete: async (id) => {
    await graphqlRequest(DeleteTenantMutation, { id: String(id) });
  },
} satisfies ResourceApi<Tenant> & Record<string, unknown>;
