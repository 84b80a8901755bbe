// Git repositories over GraphQL: the gitRepos resource (list, show, create, edit, delete) and
// refreshes and webhooks. Operation types are generated from the schema (src/gql, see codegen.ts).
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { localPage, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type {
  CreateGitRepoInput,
  EnableGitWebhookMutation,
  GitRefreshFieldsFragment,
  GitRepoDetailFieldsFragment,
  GitRepoFieldsFragment,
  UpdateGitRepoInput,
} from '../gql/graphql';

graphql(`
  fragment GitRepoFields on GitRepo {
    id
    name
    url
    branch
    commit
    lastRefreshedAt
    refreshStatus
    refreshError
    builtin
    hosted
    enabled
    refreshMaxAgeSeconds
    refreshIntervalSeconds
    cloneUrl
    webhookUrl
    tenantId
    sharedWith
    credentialId
    playbooks {
      path
      syntaxStatus
      syntaxError
    }
  }
`);
graphql(`
  fragment GitRefreshFields on GitRefresh {
    id
    status
    commit
    previousCommit
    durationMs
    error
    added
    changed
    removed
    startedAt
    finishedAt
  }
`);
// A repo read by id carries its refresh history (newest first); list rows do not.
graphql(`
  fragment GitRepoDetailFields on GitRepo {
    ...GitRepoFields
    refreshes(take: 20) {
      ...GitRefreshFields
    }
  }
`);

const GitReposQuery = graphql(`
  query GitRepos {
    gitRepos {
      ...GitRepoFields
    }
  }
`);
const GitRepoQuery = graphql(`
  query GitRepo($id: ID!) {
    gitRepo(id: $id) {
      ...GitRepoDetailFields
    }
  }
`);
const CreateGitRepoMutation = graphql(`
  mutation CreateGitRepo($input: CreateGitRepoInput!) {
    createGitRepo(input: $input) {
      ...GitRepoDetailFields
    }
  }
`);
const UpdateGitRepoMutation = graphql(`
  mutation UpdateGitRepo($id: ID!, $input: UpdateGitRepoInput!) {
    updateGitRepo(id: $id, input: $input) {
      ...GitRepoDetailFields
    }
  }
`);
const DeleteGitRepoMutation = graphql(`
  mutation DeleteGitRepo($id: ID!) {
    deleteGitRepo(id: $id)
  }
`);
const RefreshGitRepoMutation = graphql(`
  mutation RefreshGitRepo($id: ID!) {
    refreshGitRepo(id: $id) {
      ...GitRepoDetailFields
    }
  }
`);
const RefreshAllGitReposMutation = graphql(`
  mutation RefreshAllGitRepos {
    refreshAllGitRepos {
      ...GitRepoFields
    }
  }
`);
const ShareGitRepoMutation = graphql(`
  mutation ShareGitRepo($id: ID!, $tenantIds: [ID!]!) {
    shareGitRepo(id: $id, tenantIds: $tenantIds) {
      ...GitRepoDetailFields
    }
  }
`);
const EnableGitWebhookMutation = graphql(`
  mutation EnableGitWebhook($id: ID!) {
    enableGitWebhook(id: $id) {
      url
      secret
    }
  }
`);
const DisableGitWebhookMutation = graphql(`
  mutation DisableGitWebhook($id: ID!) {
    disableGitWebhook(id: $id) {
      ...GitRepoDetailFields
    }
  }
`);

/** pending until `ansible-playbook --syntax-check` has run on the current commit, then ok or failed
 * (the schema's Playbook.syntaxStatus, a String). */
export type SyntaxStatus = 'pending' | 'ok' | 'failed';

/** A playbook found at a repository's recorded commit, with its syntax check status. */
export type Playbook = Omit<GitRepoFieldsFragment['playbooks'][number], 'syntaxStatus'> & { syntaxStatus: SyntaxStatus };

export type GitRefresh = GitRefreshFieldsFragment;

/** A repository; `refreshes` (latest first) on a repo read by id, absent from list rows. */
export type GitRepo = Omit<GitRepoFieldsFragment, 'playbooks'> & {
  playbooks: Playbook[];
  refreshes?: GitRepoDetailFieldsFragment['refreshes'];
};

/** What enableGitWebhook returns: the secret is shown this once. */
export type GitWebhook = EnableGitWebhookMutation['enableGitWebhook'];

/** The repository form's values: react-admin sends the whole record back, emptied fields as null. */
export interface GitRepoFormValues {
  name?: string | null;
  url?: string | null;
  branch?: string | null;
  hosted?: boolean | null;
  enabled?: boolean | null;
  refreshMaxAgeSeconds?: number | null;
  refreshIntervalSeconds?: number | null;
  /** The credential to fetch with; null or empty: none. */
  credentialId?: string | null;
}

type GitRepoInput = Partial<CreateGitRepoInput & UpdateGitRepoInput>;

/** Only the fields the API takes. An emptied refresh policy is null (turned off); a policy absent
 * from the form is left out (kept). */
const gitRepoInput = (data: GitRepoFormValues): GitRepoInput => {
  const input: GitRepoInput = {};
  for (const key of ['name', 'url', 'branch'] as const) {
    const value = data[key];
    if (typeof value === 'string') input[key] = value.trim();
  }
  for (const key of ['hosted', 'enabled'] as const) {
    const value = data[key];
    if (typeof value === 'boolean') input[key] = value;
  }
  for (const key of ['refreshMaxAgeSeconds', 'refreshIntervalSeconds'] as const) {
    if (!(key in data)) continue;
    const value = data[key];
    input[key] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  if ('credentialId' in data) input.credentialId = data.credentialId || null;
  return input;
};

const create = async (data: unknown): Promise<GitRepo> => {
  const input = gitRepoInput(data as GitRepoFormValues);
  delete input.enabled;
  if (!input.branch) delete input.branch;
  // A hosted repository has no URL of its own; a policy left empty is simply not set.
  if (input.hosted) delete input.url;
  if (input.refreshMaxAgeSeconds === null) delete input.refreshMaxAgeSeconds;
  if (input.refreshIntervalSeconds === null) delete input.refreshIntervalSeconds;
  if (!input.credentialId || input.hosted) delete input.credentialId;
  return (await graphqlRequest(CreateGitRepoMutation, { input: input as CreateGitRepoInput })).createGitRepo as GitRepo;
};

const update = async (id: Identifier, data: unknown, previousData: unknown): Promise<GitRepo> => {
  // Only what changed, so that an unchanged URL and branch do not trigger a refresh.
  const next = gitRepoInput(data as GitRepoFormValues);
  delete next.hosted;
  const previous = (previousData ?? {}) as Partial<Record<keyof UpdateGitRepoInput, unknown>>;
  const input = Object.fromEntries(Object.entries(next).filter(([key, value]) => previous[key as keyof UpdateGitRepoInput] !== value)) as UpdateGitRepoInput;
  return (await graphqlRequest(UpdateGitRepoMutation, { id: String(id), input })).updateGitRepo as GitRepo;
};

export const gitReposApi = {
  getList: (params) => localPage(params, async () => (await graphqlRequest(GitReposQuery, {})).gitRepos as GitRepo[]),
  getOne: async (id) => (await graphqlRequest(GitRepoQuery, { id: String(id) })).gitRepo as GitRepo | null,
  create,
  update,
  delete: async (id) => {
    await graphqlRequest(DeleteGitRepoMutation, { id: String(id) });
  },
  refresh: async (id: Identifier): Promise<GitRepo> => (await graphqlRequest(RefreshGitRepoMutation, { id: String(id) })).refreshGitRepo as GitRepo,
  /** Shares the repository with these tenants (replacing its shares): their orders, and those of the tenants below, may run its playbooks. */
  share: async (id: string, tenantIds: string[]): Promise<GitRepo> => (await graphqlRequest(ShareGitRepoMutation, { id, tenantIds })).shareGitRepo as GitRepo,
  /** Refreshes every enabled repository; failures are recorded on each repository, not thrown. */
  refreshAll: async (): Promise<GitRepo[]> => (await graphqlRequest(RefreshAllGitReposMutation, {})).refreshAllGitRepos as GitRepo[],
  /** Turns webhooks on, or replaces the secret: the secret is in this answer only. */
  enableWebhook: async (id: Identifier): Promise<GitWebhook> => (await graphqlRequest(EnableGitWebhookMutation, { id: String(id) })).enableGitWebhook,
  disableWebhook: async (id: Identifier): Promise<GitRepo> =>
    (await graphqlRequest(DisableGitWebhookMutation, { id: String(id) })).disableGitWebhook as GitRepo,
} satisfies ResourceApi<GitRepo> & Record<string, unknown>;
