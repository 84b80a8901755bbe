// Credentials over GraphQL: the credentials resource (list, create, edit, delete) and the kinds of
// credential. Secret fields are write-only: only their names come back.
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { localPage, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { CredentialFieldsFragment, CredentialTypesQuery } from '../gql/graphql';

graphql(`
  fragment CredentialFields on Credential {
    id
    name
    type
    inputs
    secretFields
    createdAt
    updatedAt
  }
`);
const CredentialsQuery = graphql(`
  query Credentials {
    credentials {
      ...CredentialFields
    }
  }
`);
const CredentialQuery = graphql(`
  query Credential($id: ID!) {
    credential(id: $id) {
      ...CredentialFields
    }
  }
`);
const CredentialTypesDocument = graphql(`
  query CredentialTypes {
    credentialTypes {
      name
      label
      description
      fields {
        name
        label
        secret
        required
        multiline
        help
      }
    }
  }
`);
const CreateCredentialMutation = graphql(`
  mutation CreateCredential($input: CreateCredentialInput!) {
    createCredential(input: $input) {
      ...CredentialFields
    }
  }
`);
const UpdateCredentialMutation = graphql(`
  mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) {
    updateCredential(id: $id, input: $input) {
      ...CredentialFields
    }
  }
`);
const DeleteCredentialMutation = graphql(`
  mutation DeleteCredential($id: ID!) {
    deleteCredential(id: $id)
  }
`);

export type CredentialType = CredentialTypesQuery['credentialTypes'][number];
export type CredentialField = CredentialType['fields'][number];

/** A stored credential; `inputs` holds the non-secret fields as { field: "text" }. */
export type Credential = Omit<CredentialFieldsFragment, 'inputs'> & { inputs: Record<string, string> };

/** What the credential form sends: createCredential takes it, updateCredential the same without `type`. */
export interface CredentialInput {
  name: string;
  type: string;
  inputs: Record<string, string>;
  /** null removes a stored optional secret (update only). */
  secrets: Record<string, string | null>;
}

const asCredential = (row: CredentialFieldsFragment): Credential => ({ ...row, inputs: row.inputs as Record<string, string> });

export const credentialsApi = {
  getList: (params) => localPage(params, async () => (await graphqlRequest(CredentialsQuery, {})).credentials.map(asCredential)),
  getOne: async (id) => {
    const { credential } = await graphqlRequest(CredentialQuery, { id: String(id) });
    return credential ? asCredential(credential) : null;
  },
  create: async (data) => asCredential((await graphqlRequest(CreateCredentialMutation, { input: data as CredentialInput })).createCredential),
  update: async (id: Identifier, data) => {
    // The type cannot change; secrets left out keep their stored values.
    const { name, inputs, secrets } = data as CredentialInput;
    return asCredential((await graphqlRequest(UpdateCredentialMutation, { id: String(id), input: { name, inputs, secrets } })).updateCredential);
  },
  delete: async (id) => {
    await graphqlRequest(DeleteCredentialMutation, { id: String(id) });
  },
  types: async (): Promise<CredentialType[]> => (await graphqlRequest(CredentialTypesDocument, {})).credentialTypes,
} satisfies ResourceApi<Credential> & Record<string, unknown>;
