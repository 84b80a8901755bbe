// Login through the `login` mutation; the token lives in localStorage and goes with every
// request (HTTP header and WebSocket connectionParams). A 401 from any call logs out.
import type { AuthProvider } from 'react-admin';
import { clearToken, getToken, graphqlRequest, setToken } from './api/graphql';
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
    }
  }
`);

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

export const authProvider: AuthProvider = {
  login: async ({ username, password }: LoginParams) => {
    const { login } = await graphqlRequest(LoginMutation, { username, password }, { auth: false });
    disposeSubscriptions();
    setToken(login.token);
  },
  logout: async () => {
    clearToken();
    disposeSubscriptions();
  },
  checkAuth: async () => {
    if (!getToken()) throw new Error('Not logged in');
  },
  checkError: async (error: unknown) => {
    if (errorStatus(error) === 401) {
      clearToken();
      disposeSubscriptions();
      throw new Error('Session expired, please log in again');
    }
  },
  getIdentity: async () => {
    const { me } = await graphqlRequest(MeQuery, {});
    return { id: me.id, fullName: me.username };
  },
};
