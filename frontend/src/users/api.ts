// Users over GraphQL (administrators): the users resource (list, create, edit, delete) and the
// password an administrator sets for a user (who must change it at their next sign-in).
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { localPage, optionalText, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { UserFieldsFragment } from '../gql/graphql';

graphql(`
  fragment UserFields on User {
    id
    username
    displayName
    email
    disabled
    mustChangePassword
    roles
    groups {
      id
      name
    }
    tenant {
      id
      name
    }
    createdAt
  }
`);
const UsersQuery = graphql(`
  query Users {
    users {
      ...UserFields
    }
  }
`);
const UserQuery = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      ...UserFields
    }
  }
`);
const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
`);
const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
`);
const DeleteUserMutation = graphql(`
  mutation DeleteUser($id: ID!) {
    deleteUser(id: $id)
  }
`);
const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($id: ID!, $password: String!) {
    resetUserPassword(id: $id, password: $password) {
      ...UserFields
    }
  }
`);

/** A user as the list and the forms read it; `groupIds` and `tenantId` are what the groups and tenant inputs edit. */
export type User = UserFieldsFragment & { groupIds: string[]; tenantId: string };

/** What the user form sends (create also has username and password). */
export interface UserFormValues {
  username?: string;
  password?: string;
  displayName?: string | null;
  email?: string | null;
  disabled?: boolean;
  groupIds?: string[] | null;
  tenantId?: string | null;
}

const asUser = (row: UserFieldsFragment): User => ({ ...row, groupIds: row.groups.map((g) => g.id), tenantId: row.tenant.id });
/** The tenant picked, or none: the server's default (the root on create, unchanged on update). */
const tenantOf = (values: UserFormValues) => (values.tenantId ? { tenantId: values.tenantId } : {});
const text = (value: unknown): string => optionalText(value) ?? '';

export const usersApi = {
  getList: (params) => localPage(params, async () => (await graphqlRequest(UsersQuery, {})).users.map(asUser)),
  getOne: async (id) => {
    const { user } = await graphqlRequest(UserQuery, { id: String(id) });
    return user ? asUser(user) : null;
  },
  create: async (data) => {
    const values = data as UserFormValues;
    const input = {
      username: text(values.username),
      password: typeof values.password === 'string' ? values.password : '',
      displayName: text(values.displayName),
      email: text(values.email),
      groupIds: values.groupIds ?? [],
      ...tenantOf(values),
    };
    return asUser((await graphqlRequest(CreateUserMutation, { input })).createUser);
  },
  update: async (id: Identifier, data) => {
    const values = data as UserFormValues;
    const input = {
      displayName: text(values.displayName),
      email: text(values.email),
      disabled: Boolean(values.disabled),
      groupIds: values.groupIds ?? [],
      ...tenantOf(values),
    };
    return asUser((await graphqlRequest(UpdateUserMutation, { id: String(id), input })).updateUser);
  },
  delete: async (id) => {
    await graphqlRequest(DeleteUserMutation, { id: String(id) });
  },
  /** Sets the user's password; their sessions end and they must change it at their next sign-in. */
  resetPassword: async (id: string, password: string): Promise<User> =>
    asUser((await graphqlRequest(ResetUserPasswordMutation, { id, password })).resetUserPassword),
} satisfies ResourceApi<User> & Record<string, unknown>;
