// Groups over GraphQL (administrators): the groups resource (list, create, edit, delete) and the
// roles a group can grant, each with what it allows.
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { localPage, optionalText, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { GroupFieldsFragment, RolesQuery } from '../gql/graphql';

graphql(`
  fragment GroupFields on Group {
    id
    name
    description
    roles
    members {
      id
      username
    }
    tenant {
      id
      name
    }
    createdAt
  }
`);
const GroupsQuery = graphql(`
  query Groups {
    groups {
      ...GroupFields
    }
  }
`);
const GroupQuery = graphql(`
  query Group($id: ID!) {
    group(id: $id) {
      ...GroupFields
    }
  }
`);
const RolesDocument = graphql(`
  query Roles {
    roles {
      name
      description
      permissions
    }
  }
`);
const CreateGroupMutation = graphql(`
  mutation CreateGroup($input: GroupInput!) {
    createGroup(input: $input) {
      ...GroupFields
    }
  }
`);
const UpdateGroupMutation = graphql(`
  mutation UpdateGroup($id: ID!, $input: GroupInput!) {
    updateGroup(id: $id, input: $input) {
      ...GroupFields
    }
  }
`);
const DeleteGroupMutation = graphql(`
  mutation DeleteGroup($id: ID!) {
    deleteGroup(id: $id)
  }
`);

/** A group as the list and the form read it; `memberIds` and `memberCount` are derived from `members`, `tenantId` from `tenant`. */
export type Group = GroupFieldsFragment & { memberIds: string[]; memberCount: number; tenantId: string };
export type RoleInfo = RolesQuery['roles'][number];

interface GroupFormValues {
  name?: string;
  description?: string | null;
  roles?: string[] | null;
  memberIds?: string[] | null;
  tenantId?: string | null;
}

const asGroup = (row: GroupFieldsFragment): Group => ({
  ...row,
  memberIds: row.members.map((m) => m.id),
  memberCount: row.members.length,
  tenantId: row.tenant.id,
});

const toInput = (data: unknown) => {
  const values = data as GroupFormValues;
  return {
    name: optionalText(values.name) ?? '',
    description: optionalText(values.description) ?? '',
    roles: values.roles ?? [],
    memberIds: values.memberIds ?? [],
    // None picked: the server's default, the root.
    ...(values.tenantId ? { tenantId: values.tenantId } : {}),
  };
};

export const groupsApi = {
  getList: (params) => localPage(params, async () => (await graphqlRequest(GroupsQuery, {})).groups.map(asGroup)),
  getOne: async (id) => {
    const { group } = await graphqlRequest(GroupQuery, { id: String(id) });
    return group ? asGroup(group) : null;
  },
  create: async (data) => asGroup((await graphqlRequest(CreateGroupMutation, { input: toInput(data) })).createGroup),
  update: async (id: Identifier, data) => asGroup((await graphqlRequest(UpdateGroupMutation, { id: String(id), input: toInput(data) })).updateGroup),
  delete: async (id) => {
    await graphqlRequest(DeleteGroupMutation, { id: String(id) });
  },
  /** The six roles, with their descriptions and permissions (they do not change while the server runs). */
  roles: async (): Promise<RoleInfo[]> => (await graphqlRequest(RolesDocument, {})).roles,
} satisfies ResourceApi<Group> & Record<string, unknown>;
