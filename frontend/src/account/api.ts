// The signed-in user's own account: changing their password.
import { graphqlRequest } from '../api/graphql';
import { graphql } from '../gql';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      id
      mustChangePassword
    }
  }
`);

export const accountApi = {
  /** VALIDATION_FAILED names `newPassword` (too short, common, holds the user name) or `currentPassword`. */
  changePassword: async (currentPassword: string, newPassword: string): Promise<{ id: string; mustChangePassword: boolean }> =>
    (await graphqlRequest(ChangePasswordMutation, { currentPassword, newPassword })).changePassword,
};
