// Login through the `login` mutation; the token lives in localStorage and goes with every
// request (HTTP header and WebSocket connectionParams). A 401 from any call logs out.
// Permissions are the server's `myPermissions` (catalog:read, providers:write, users:read...),
// fetched once per sign-in and kept until the next login, logout or password change; the UI
// shows only what they allow (App.tsx), the server checks every operation anyway.
import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { clearToken, getToken, graphqlRequest, setToken, type ApiErrorBody } from './api/graphql';
import { disposeSubscriptions } from './api/subscriptions';
import { graphql } from './gql';

const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      user {
        id
        username
      }
    }
  }
`);
const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      displayName
      roles
      mustChangePassword
      tenant {
        id
        name
      }
    }
  }
`);
const MyPermissionsQuery = graphql(`
  query MyPermissions {
    myPermissions
  }
`);

/** What the signed-in user may do: the server's permission names. */
export type Permissions = string[];

/** The signed-in user as the user menu shows them. */
export interface Identity extends UserIdentity {
  username: string;
  roles: string[];
  /** The tenant the user belongs to: what they order belongs to it. */
  tenant: { id: string; name: string };
  /** An administrator set the password: nothing else works until it is changed. */
  mustChangePassword: boolean;
}

interface LoginParams {
  username: string;
  password: string;
}

const errorStatus = (error: unknown): number | undefined => {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const { status } = error as { status: unknown };
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
};

/** True for the server's refusal of anything but `me`, `changePassword` and `logout` until the password is changed. */
export const isMustChangePassword = (error: unknown): boolean =>
  error instanceof HttpError && Boolean((error.body as ApiErrorBody | undefined)?.graphqlErrors.some((e) => e.extensions?.mustChangePassword === true));

let cachedPermissions: Promise<Permissions> | null = null;

/** Forgets the permissions, so the next getPermissions asks the server (after a password change). */
export const forgetPermissions = (): void => {
  cachedPermissions = null;
};

const loadPermissions = async (): Promise<Permissions> => {
  try {
    return (await graphqlRequest(MyPermissionsQuery, {})).myPermissions;
  } catch (error) {
    // Until the password is changed the user may do nothing but change it (see account/).
    if (isMustChangePassword(error)) return [];
    throw error;
  }
};

export const authProvider: AuthProvider = {
  login: async ({ username, password }: LoginParams) => {
    const { login } = await graphqlRequest(LoginMutation, { username, password }, { auth: false });
    disposeSubscriptions();
    forgetPermissions();
    setToken(login.token);
  },
  logout: async () => {
    clearToken();
    forgetPermissions();
    disposeSubscriptions();
  },
  checkAuth: async () => {
    if (!getToken()) throw new Error('Not logged in');
  },
  checkError: async (error: unknown) => {
    if (errorStatus(error) === 401) {
      clearToken();
      forgetPermissions();
      disposeSubscriptions();
      throw new Error('Session expired, please log in again');
    }
  },
  getIdentity: async (): Promise<Identity> => {
    const { me } = await graphqlRequest(MeQuery, {});
    return {
      id: me.id,
      fullName: me.displayName || me.username,
      username: me.username,
      roles: me.roles,
      tenant: me.tenant,
      mustChangePassword: me.mustChangePassword,
    };
  },
  getPermissions: async (): Promise<Permissions> => {
    if (!getToken()) return [];
    cachedPermissions ??= loadPermissions().catch((error: unknown) => {
      cachedPermissions = null;
      throw error;
    });
    return cachedPermissions;
  },
};

/** Whether `permissions` (from usePermissions or the Admin's function child) include `permission`. */
export const can = (permissions: unknown, permission: string): boolean => Array.isArray(permissions) && permissions.includes(permission);
