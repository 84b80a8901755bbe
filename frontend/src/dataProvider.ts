// The single seam between react-admin and the Superfluid GraphQL API.
// Resources: catalog (service templates), serviceRequests, services, gitRepos, providers, inventories,
// credentials, apiTokens, dialogs. Writes: serviceRequests (create = order), gitRepos and providers (create, update, delete),
// credentials (create, update, delete; their forms send CredentialInput, secrets write-only), apiTokens
// (delete = revoke; creating one is createApiToken below, since its token is shown once and is no record),
// dialogs (delete; saving is saveDialog below: the editor sends whole definitions, not react-admin records),
// serviceTemplates (the editors' list of every catalog item, published or not; delete; saving is saveServiceTemplate below).
// Lists that the API pages (skip/take) use partial pagination: take perPage+1 to learn whether
// a next page exists; the catalog is searched and paged by the API, which counts it too. The others
// are short and are paged, filtered and sorted here.
import {
  HttpError,
  type CreateParams,
  type CreateResult,
  type DataProvider,
  type GetListParams,
  type GetListResult,
  type GetManyParams,
  type GetManyResult,
  type GetOneParams,
  type GetOneResult,
  type DeleteParams,
  type DeleteResult,
  type Identifier,
  type RaRecord,
  type UpdateParams,
  type UpdateResult,
} from 'react-admin';
import { graphqlRequest } from './api/graphql';
import type { Credential, CredentialInput, CredentialType } from './credentials/types';
import type { Dialog, DialogChoice, DialogDataSource, DialogRecord, DialogImportFormat } from './dialogs/types';
import type { Inventory, InventoryInput } from './inventories/types';
import type { StateMachineSummary, TemplateDefinition, TemplateRecord } from './templates/types';
import type {
  ApiToken,
  CreatedApiToken,
  GitRepo,
  GitWebhook,
  GitRepoInput,
  Job,
  JobEvent,
  JsonObject,
  Provider,
  ProviderHealthCheck,
  ProviderInput,
  Service,
  ServiceCatalog,
  ServiceRequest,
  ServiceTemplate,
} from './types';

const TEMPLATE_FIELDS = 'id name description catalog longDescription icon published type dialog';
// Catalog cards need no dialog: resolving one fills its dynamic choices, which is work for the server.
const TEMPLATE_CARD_FIELDS = 'id name description catalog icon published type';
// The editors' rows: every item with where it came from and its definition (what the editor loads).
const TEMPLATE_EDITOR_FIELDS = 'id name description catalog type published source definition';
const JOB_FIELDS = `id status playbook commit returnCode startedAt finishedAt cancelRequestedAt artifacts
  eventCount eventsEmitted eventsComplete outputPurgedAt
  hostSummaries { host ok changed failures unreachable skipped rescued ignored }`;
// The list carries everything the show page needs except the template's dialog: react-admin seeds
// the getOne cache with list records, so a show page may first render from a list record.
// Bundles: the state machine's position and history, and the child items.
const BUNDLE_FIELDS = `state stateAttempt transitions { state event attempt message at }
  items { id name index site status jobId playbook commit outputs message startedAt finishedAt }`;
// The machine (every state, the action) is read per request on the server: a request read by id and
// the live updates carry it, list rows do not (the show page draws from the transitions until then).
const MACHINE_FIELDS = 'machine { name states { name method } action serviceId rollbackOf onFailure }';
const REQUEST_LIST_FIELDS = `id status message createdAt updatedAt finishedAt dialogValues ${BUNDLE_FIELDS}
  template { id name type } requester { id username } jobs { ${JOB_FIELDS} } service { id name status outputs }`;
export const REQUEST_FIELDS = `id status message createdAt updatedAt finishedAt dialogValues ${BUNDLE_FIELDS} ${MACHINE_FIELDS}
  template { id name type dialog } requester { id username } jobs { ${JOB_FIELDS} } service { id name status outputs }`;
const SERVICE_FIELDS = `id name status outputs createdAt providerIds owner { id username }
  request { id status template { id name } } configuration { dialog values reconfigurableFields }`;
const GIT_REPO_FIELDS = `id name url branch commit lastRefreshedAt refreshStatus refreshError builtin hosted enabled
  refreshMaxAgeSeconds refreshIntervalSeconds cloneUrl webhookUrl playbooks { path syntaxStatus syntaxError }`;
const GIT_REFRESH_FIELDS =
  'id status commit previousCommit durationMs error added changed removed startedAt finishedAt';
// A repo read by id carries its refresh history (newest first); list rows do not.
const GIT_REPO_DETAIL_FIELDS = `${GIT_REPO_FIELDS} refreshes(take: 20) { ${GIT_REFRESH_FIELDS} }`;
const PROVIDER_FIELDS =
  'id name type config credentialId becomeCredentialId healthStatus healthMessage healthCheckedAt createdAt';
const HEALTH_FIELDS = 'providerId status message latencyMs changed checkedAt';
// A provider read by id carries its inventory (made on the server for each read), its health history and
// its resources as last read.
const PROVIDER_DETAIL_FIELDS = `${PROVIDER_FIELDS} inventory healthHistory(take: 50) { ${HEALTH_FIELDS} } resources resourcesRefreshedAt`;
const INVENTORY_FIELDS = 'id name description sites { name providerId hosts variables } createdAt updatedAt';
// An inventory read by id carries what a run gets (rendered on the server for each read); list rows do not.
const INVENTORY_DETAIL_FIELDS = `${INVENTORY_FIELDS} rendered`;
const CREDENTIAL_FIELDS = 'id name type inputs secretFields createdAt updatedAt';
const CREDENTIAL_TYPE_FIELDS = 'name label description fields { name label secret required multiline help }';
const API_TOKEN_FIELDS = 'id name createdAt expiresAt lastUsedAt';
const DIALOG_FIELDS = 'id name label description origin updatedAt fields { name label type required dynamic pending dependsOn boundFrom }';
// A dialog read by id carries its resolved form (dynamic choices filled in) for the preview, and its
// definition as stored for the editor.
const DIALOG_DETAIL_FIELDS = `${DIALOG_FIELDS} form definition`;
export const EVENT_FIELDS = 'seq event host task play changed failed stdout createdAt';

type Rec = RaRecord & { id: string };

interface ResourceApi {
  /** true when the API pages the list with skip/take. */
  paged: boolean;
  list: (skip: number, take: number) => Promise<Rec[]>;
  one: (id: Identifier) => Promise<Rec | null>;
}

const asRecords = <T extends { id: string }>(rows: T[]): Rec[] => rows;

const RESOURCES: Record<string, ResourceApi> = {
  catalog: {
    // getList pages the catalog through getCatalogPage (search, folder, count).
    paged: true,
    list: async (skip, take) =>
      asRecords(
        (
          await graphqlRequest<{ serviceTemplates: ServiceTemplate[] }>(
            `query($skip: Int!, $take: Int!) { serviceTemplates(skip: $skip, take: $take) { ${TEMPLATE_CARD_FIELDS} } }`,
            { skip, take },
          )
        ).serviceTemplates,
      ),
    one: async (id) =>
      (
        await graphqlRequest<{ serviceTemplate: ServiceTemplate | null }>(
          `query($id: ID!) { serviceTemplate(id: $id) { ${TEMPLATE_FIELDS} } }`,
          { id },
        )
      ).serviceTemplate,
  },
  serviceTemplates: {
    // getList pages the editors' list through getTemplatesPage (search, count).
    paged: true,
    list: async (skip, take) =>
      asRecords(
        (
          await graphqlRequest<{ serviceTemplates: TemplateRecord[] }>(
            `query($skip: Int!, $take: Int!) { serviceTemplates(unpublished: true, skip: $skip, take: $take) { ${TEMPLATE_EDITOR_FIELDS} } }`,
            { skip, take },
          )
        ).serviceTemplates,
      ),
    one: async (id) =>
      (
        await graphqlRequest<{ serviceTemplate: TemplateRecord | null }>(
          `query($id: ID!) { serviceTemplate(id: $id, unpublished: true) { ${TEMPLATE_EDITOR_FIELDS} } }`,
          { id },
        )
      ).serviceTemplate,
  },
  serviceRequests: {
    paged: true,
    list: async (skip, take) =>
      asRecords(
        (
          await graphqlRequest<{ serviceRequests: ServiceRequest[] }>(
            `query($skip: Int, $take: Int) { serviceRequests(skip: $skip, take: $take) { ${REQUEST_LIST_FIELDS} } }`,
            { skip, take },
          )
        ).serviceRequests,
      ),
    one: async (id) =>
      (
        await graphqlRequest<{ serviceRequest: ServiceRequest | null }>(
          `query($id: ID!) { serviceRequest(id: $id) { ${REQUEST_FIELDS} } }`,
          { id },
        )
      ).serviceRequest,
  },
  services: {
    paged: true,
    list: async (skip, take) =>
      asRecords(
        (
          await graphqlRequest<{ services: Service[] }>(
            `query($skip: Int, $take: Int) { services(skip: $skip, take: $take) { ${SERVICE_FIELDS} } }`,
            { skip, take },
          )
        ).services,
      ),
    one: async (id) =>
      (
        await graphqlRequest<{ service: Service | null }>(`query($id: ID!) { service(id: $id) { ${SERVICE_FIELDS} } }`, {
          id,
        })
      ).service,
  },
  gitRepos: {
    paged: false,
    list: async () =>
      asRecords((await graphqlRequest<{ gitRepos: GitRepo[] }>(`{ gitRepos { ${GIT_REPO_FIELDS} } }`)).gitRepos),
    one: async (id) =>
      (
        await graphqlRequest<{ gitRepo: GitRepo | null }>(
          `query($id: ID!) { gitRepo(id: $id) { ${GIT_REPO_DETAIL_FIELDS} } }`,
          { id },
        )
      ).gitRepo,
  },
  credentials: {
    paged: false,
    list: async () =>
      asRecords((await graphqlRequest<{ credentials: Credential[] }>(`{ credentials { ${CREDENTIAL_FIELDS} } }`)).credentials),
    one: async (id) =>
      (
        await graphqlRequest<{ credential: Credential | null }>(
          `query($id: ID!) { credential(id: $id) { ${CREDENTIAL_FIELDS} } }`,
          { id },
        )
      ).credential,
  },
  dialogs: {
    paged: false,
    list: async () => asRecords((await graphqlRequest<{ dialogs: DialogRecord[] }>(`{ dialogs { ${DIALOG_FIELDS} } }`)).dialogs),
    one: async (id) =>
      (await graphqlRequest<{ dialog: DialogRecord | null }>(`query($id: ID!) { dialog(id: $id) { ${DIALOG_DETAIL_FIELDS} } }`, { id }))
        .dialog,
  },
  providers: {
    paged: false,
    list: async () =>
      asRecords((await graphqlRequest<{ providers: Provider[] }>(`{ providers { ${PROVIDER_FIELDS} } }`)).providers),
    one: async (id) =>
      (
        await graphqlRequest<{ provider: Provider | null }>(`query($id: ID!) { provider(id: $id) { ${PROVIDER_DETAIL_FIELDS} } }`, {
          id,
        })
      ).provider,
  },
  inventories: {
    paged: false,
    list: async () =>
      asRecords((await graphqlRequest<{ inventories: Inventory[] }>(`{ inventories { ${INVENTORY_FIELDS} } }`)).inventories),
    one: async (id) =>
      (
        await graphqlRequest<{ inventory: Inventory | null }>(`query($id: ID!) { inventory(id: $id) { ${INVENTORY_DETAIL_FIELDS} } }`, {
          id,
        })
      ).inventory,
  },
  apiTokens: {
    paged: false,
    list: async () =>
      asRecords((await graphqlRequest<{ apiTokens: ApiToken[] }>(`{ apiTokens { ${API_TOKEN_FIELDS} } }`)).apiTokens),
    one: async (id) => {
      const { apiTokens } = await graphqlRequest<{ apiTokens: ApiToken[] }>(`{ apiTokens { ${API_TOKEN_FIELDS} } }`);
      return apiTokens.find((t) => t.id === String(id)) ?? null;
    },
  },
};

const resourceApi = (resource: string): ResourceApi => {
  const api = RESOURCES[resource];
  if (!api) throw new HttpError(`Unknown resource ${resource}`, 404, { code: 'NOT_FOUND' });
  return api;
};

const unsupported = (what: string): Promise<never> =>
  Promise.reject(new HttpError(`${what} is not supported by the Superfluid API`, 405, { code: 'UNSUPPORTED' }));

const matchesQuery = (record: Rec, q: unknown): boolean => {
  if (typeof q !== 'string' || q.trim() === '') return true;
  const needle = q.trim().toLowerCase();
  return Object.values(record).some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
};

const compareBy = (field: string, order: string) => (a: Rec, b: Rec) => {
  const x: unknown = a[field];
  const y: unknown = b[field];
  const sx = x === null || x === undefined ? '' : String(x);
  const sy = y === null || y === undefined ? '' : String(y);
  const result = sx.localeCompare(sy, undefined, { numeric: true });
  return order === 'DESC' ? -result : result;
};

const optionalText = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The catalog is searched, filtered by folder and paged by the API, with its count for the total. */
async function getCatalogPage(params: GetListParams, skip: number, take: number): Promise<GetListResult<Rec>> {
  const variables = { search: optionalText(params.filter?.q), catalog: optionalText(params.filter?.catalog), skip, take };
  const { serviceTemplates, serviceTemplateCount } = await graphqlRequest<{
    serviceTemplates: ServiceTemplate[];
    serviceTemplateCount: number;
  }>(
    `query($search: String, $catalog: String, $skip: Int!, $take: Int!) {
      serviceTemplates(search: $search, catalog: $catalog, skip: $skip, take: $take) { ${TEMPLATE_CARD_FIELDS} }
      serviceTemplateCount(search: $search, catalog: $catalog) }`,
    variables,
  );
  return { data: asRecords(serviceTemplates), total: serviceTemplateCount };
}

/** Every catalog item, published or not, for the editors: searched and paged by the API, by name, with its count. */
async function getTemplatesPage(params: GetListParams, skip: number, take: number): Promise<GetListResult<Rec>> {
  const variables = { search: optionalText(params.filter?.q), skip, take };
  const { serviceTemplates, serviceTemplateCount } = await graphqlRequest<{
    serviceTemplates: TemplateRecord[];
    serviceTemplateCount: number;
  }>(
    `query($search: String, $skip: Int!, $take: Int!) {
      serviceTemplates(search: $search, unpublished: true, skip: $skip, take: $take) { ${TEMPLATE_EDITOR_FIELDS} }
      serviceTemplateCount(search: $search, unpublished: true) }`,
    variables,
  );
  return { data: asRecords(serviceTemplates), total: serviceTemplateCount };
}

async function getList(resource: string, params: GetListParams): Promise<GetListResult<Rec>> {
  const api = resourceApi(resource);
  const page = params.pagination?.page ?? 1;
  const perPage = params.pagination?.perPage ?? 25;
  const skip = (page - 1) * perPage;
  if (resource === 'catalog') return getCatalogPage(params, skip, perPage);
  if (resource === 'serviceTemplates') return getTemplatesPage(params, skip, perPage);
  if (api.paged) {
    const rows = await api.list(skip, perPage + 1);
    const hasNextPage = rows.length > perPage;
    const data = rows.slice(0, perPage);
    // On the last page the total is known; elsewhere only whether a next page exists.
    return {
      data,
      pageInfo: { hasNextPage, hasPreviousPage: page > 1 },
      ...(hasNextPage ? {} : { total: skip + data.length }),
    };
  }
  let rows = (await api.list(0, 0)).filter((r) => matchesQuery(r, params.filter?.q));
  if (params.sort?.field && params.sort.field !== 'id') rows = [...rows].sort(compareBy(params.sort.field, params.sort.order));
  return { data: rows.slice(skip, skip + perPage), total: rows.length };
}

async function getOne(resource: string, params: GetOneParams): Promise<GetOneResult<Rec>> {
  const record = await resourceApi(resource).one(params.id);
  if (!record) throw new HttpError(`${resource} ${String(params.id)} does not exist`, 404, { code: 'NOT_FOUND' });
  return { data: record };
}

async function getMany(resource: string, params: GetManyParams): Promise<GetManyResult<Rec>> {
  const api = resourceApi(resource);
  const records = await Promise.all(params.ids.map((id) => api.one(id)));
  return { data: records.filter((r): r is Rec => r !== null) };
}

interface OrderData {
  templateId: string;
  dialogValues: JsonObject;
  /** A reconfiguration of this service instead of a new order. */
  reconfigureServiceId?: string;
}

type GitRepoInputValues = { [K in keyof GitRepoInput]?: GitRepoInput[K] | null };

/** Only the fields the API takes: react-admin forms send the whole record back. An emptied refresh
 * policy is null (turned off); a policy absent from the form is left out (kept). */
const gitRepoInput = (data: GitRepoInputValues): Partial<GitRepoInput> => {
  const input: Partial<GitRepoInput> = {};
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
  return input;
};

async function create(resource: string, params: CreateParams): Promise<CreateResult<Rec>> {
  if (resource === 'credentials') {
    const { createCredential } = await graphqlRequest<{ createCredential: Credential }>(
      `mutation($input: CreateCredentialInput!) { createCredential(input: $input) { ${CREDENTIAL_FIELDS} } }`,
      { input: params.data as CredentialInput },
    );
    return { data: createCredential };
  }
  if (resource === 'gitRepos') {
    const input: Partial<GitRepoInput> = gitRepoInput(params.data as GitRepoInputValues);
    if (!input.branch) delete input.branch;
    // A hosted repository has no URL of its own; a policy left empty is simply not set.
    if (input.hosted) delete input.url;
    delete input.enabled;
    if (input.refreshMaxAgeSeconds === null) delete input.refreshMaxAgeSeconds;
    if (input.refreshIntervalSeconds === null) delete input.refreshIntervalSeconds;
    const { createGitRepo } = await graphqlRequest<{ createGitRepo: GitRepo }>(
      `mutation($input: CreateGitRepoInput!) { createGitRepo(input: $input) { ${GIT_REPO_DETAIL_FIELDS} } }`,
      { input },
    );
    return { data: createGitRepo };
  }
  if (resource === 'providers') {
    const { createProvider } = await graphqlRequest<{ createProvider: Provider }>(
      `mutation($input: ProviderInput!) { createProvider(input: $input) { ${PROVIDER_FIELDS} } }`,
      { input: params.data as ProviderInput },
    );
    return { data: createProvider };
  }
  if (resource === 'inventories') {
    // The inventory form sends an InventoryInput (see inventories/inventoryInput.ts).
    const { createInventory } = await graphqlRequest<{ createInventory: Inventory }>(
      `mutation($input: InventoryInput!) { createInventory(input: $input) { ${INVENTORY_DETAIL_FIELDS} } }`,
      { input: params.data as InventoryInput },
    );
    return { data: createInventory };
  }
  if (resource !== 'serviceRequests') return unsupported(`Creating ${resource}`);
  const { templateId, dialogValues, reconfigureServiceId } = params.data as OrderData;
  if (reconfigureServiceId) {
    const { reconfigureService } = await graphqlRequest<{ reconfigureService: ServiceRequest }>(
      `mutation($id: ID!, $values: JSON!) { reconfigureService(id: $id, dialogValues: $values) { ${REQUEST_FIELDS} } }`,
      { id: reconfigureServiceId, values: dialogValues },
    );
    return { data: reconfigureService };
  }
  const { orderService } = await graphqlRequest<{ orderService: ServiceRequest }>(
    `mutation($input: OrderServiceInput!) { orderService(input: $input) { ${REQUEST_FIELDS} } }`,
    { input: { templateId, dialogValues } },
  );
  return { data: orderService };
}

async function update(resource: string, params: UpdateParams): Promise<UpdateResult<Rec>> {
  if (resource === 'credentials') {
    // The type cannot change; secrets left out keep their stored values.
    const { name, inputs, secrets } = params.data as CredentialInput;
    const { updateCredential } = await graphqlRequest<{ updateCredential: Credential }>(
      `mutation($id: ID!, $input: UpdateCredentialInput!) { updateCredential(id: $id, input: $input) { ${CREDENTIAL_FIELDS} } }`,
      { id: params.id, input: { name, inputs, secrets } },
    );
    return { data: updateCredential };
  }
  if (resource === 'providers') {
    // The provider form sends a ProviderInput (see providers/providerInput.ts); the type cannot change.
    const input: ProviderInput = { ...(params.data as ProviderInput) };
    delete input.type;
    const { updateProvider } = await graphqlRequest<{ updateProvider: Provider }>(
      `mutation($id: ID!, $input: ProviderInput!) { updateProvider(id: $id, input: $input) { ${PROVIDER_DETAIL_FIELDS} } }`,
      { id: params.id, input },
    );
    return { data: updateProvider };
  }
  if (resource === 'inventories') {
    const { name, description, sites } = params.data as InventoryInput;
    const { updateInventory } = await graphqlRequest<{ updateInventory: Inventory }>(
      `mutation($id: ID!, $input: InventoryInput!) { updateInventory(id: $id, input: $input) { ${INVENTORY_DETAIL_FIELDS} } }`,
      { id: params.id, input: { name, description, sites } },
    );
    return { data: updateInventory };
  }
  if (resource !== 'gitRepos') return unsupported(`Updating ${resource}`);
  // Only what changed, so that an unchanged URL and branch do not trigger a refresh.
  const next = gitRepoInput(params.data as GitRepoInputValues);
  delete next.hosted;
  const previous = (params.previousData ?? {}) as Partial<GitRepoInput>;
  const input = Object.fromEntries(Object.entries(next).filter(([key, value]) => previous[key as keyof GitRepoInput] !== value));
  const { updateGitRepo } = await graphqlRequest<{ updateGitRepo: GitRepo }>(
    `mutation($id: ID!, $input: UpdateGitRepoInput!) { updateGitRepo(id: $id, input: $input) { ${GIT_REPO_DETAIL_FIELDS} } }`,
    { id: params.id, input },
  );
  return { data: updateGitRepo };
}

async function deleteOne(resource: string, params: DeleteParams): Promise<DeleteResult<Rec>> {
  if (resource === 'credentials') {
    await graphqlRequest<{ deleteCredential: boolean }>('mutation($id: ID!) { deleteCredential(id: $id) }', { id: params.id });
    return { data: (params.previousData ?? { id: String(params.id) }) as Rec };
  }
  if (resource === 'apiTokens') {
    await graphqlRequest<{ revokeApiToken: boolean }>('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: params.id });
    return { data: (params.previousData ?? { id: String(params.id) }) as Rec };
  }
  if (resource === 'providers') {
    // CONFLICT (local, or in use by active services) carries the server's message naming the users.
    await graphqlRequest<{ deleteProvider: boolean }>('mutation($id: ID!) { deleteProvider(id: $id) }', { id: params.id });
    return { data: (params.previousData ?? { id: String(params.id) }) as Rec };
  }
  if (resource === 'dialogs') {
    // CONFLICT for a dialog from catalog files or one a catalog item uses, with the server's message.
    await graphqlRequest<{ deleteDialog: boolean }>('mutation($id: ID!) { deleteDialog(id: $id) }', { id: params.id });
    return { data: (params.previousData ?? { id: String(params.id) }) as Rec };
  }
  if (resource === 'serviceTemplates') {
    // CONFLICT for an item from catalog files or a repository, or one that has been ordered, with the server's message.
    await graphqlRequest<{ deleteServiceTemplate: boolean }>('mutation($id: ID!) { deleteServiceTemplate(id: $id) }', { id: params.id });
    return { data: (params.previousData ?? { id: String(params.id) }) as Rec };
  }
  if (resource === 'inventories') {
    // CONFLICT while a catalog item uses it, with the server's message naming the items.
    await graphqlRequest<{ deleteInventory: boolean }>('mutation($id: ID!) { deleteInventory(id: $id) }', { id: params.id });
    return { data: (params.previousData ?? { id: String(params.id) }) as Rec };
  }
  if (resource !== 'gitRepos') return unsupported(`Deleting ${resource}`);
  await graphqlRequest<{ deleteGitRepo: boolean }>('mutation($id: ID!) { deleteGitRepo(id: $id) }', { id: params.id });
  return { data: (params.previousData ?? { id: String(params.id) }) as Rec };
}

/** Methods beyond react-admin's CRUD (each returns a Promise, as useDataProvider requires). Live updates
 * (subscriptions) are in api/live.ts. */
export interface SuperfluidMethods {
  refreshGitRepo: (id: Identifier) => Promise<{ data: GitRepo }>;
  /** Refreshes every enabled repository; failures are recorded on each repository, not thrown. */
  refreshAllGitRepos: () => Promise<{ data: GitRepo[] }>;
  /** Turns webhooks on, or replaces the secret: the secret is in this answer only. */
  enableGitWebhook: (id: Identifier) => Promise<{ data: GitWebhook }>;
  disableGitWebhook: (id: Identifier) => Promise<{ data: GitRepo }>;
  /** The token is in this answer only. */
  createApiToken: (name: string, expiresInDays: number | null) => Promise<{ data: CreatedApiToken }>;
  getJob: (id: string) => Promise<{ data: (Job & { stdout: string }) | null }>;
  /** Asks the server to stop a running job; it ends `canceled` soon after. CONFLICT when it has already ended. */
  cancelJob: (id: string) => Promise<{ data: Job }>;
  getJobEvents: (jobId: string, afterSeq: number) => Promise<{ data: JobEvent[] }>;
  getCredentialTypes: () => Promise<{ data: CredentialType[] }>;
  /** Imports dialogs (all or none); VALIDATION_FAILED lists the problems, CONFLICT names a catalog dialog. */
  importDialog: (format: DialogImportFormat, content: string, name?: string) => Promise<{ data: DialogRecord[] }>;
  /** Saves a dialog made in the editor (origin editor). VALIDATION_FAILED names every problem (extensions.problems,
   * extensions.fields by field name); CONFLICT for the name of a dialog from catalog files. */
  saveDialog: (definition: Dialog) => Promise<{ data: DialogRecord }>;
  /** Binds a field of an imported ManageIQ dialog (pending, or bound before) to a data source in place; null makes it a plain
   * field. VALIDATION_FAILED names the problem (extensions.problems); CONFLICT for a dialog that is not imported. */
  bindDialogField: (dialogId: string, field: string, dataSource: DialogDataSource | null, dependsOn: string[]) => Promise<{ data: DialogRecord }>;
  /** Creates a catalog item (no id) or changes one made in the editor. VALIDATION_FAILED names every problem
   * (extensions.problems, extensions.fields by path in the definition); CONFLICT for an item from files or a
   * repository, or a name another item has. */
  saveServiceTemplate: (id: string | null, definition: TemplateDefinition) => Promise<{ data: TemplateRecord }>;
  /** The catalog's state machines (a bundle's entry point). */
  getStateMachines: () => Promise<{ data: StateMachineSummary[] }>;
  /** A dependent field's choices and default for the current values of the fields it depends on. */
  refreshDialogField: (
    dialog: string,
    field: string,
    values: Record<string, unknown>,
  ) => Promise<{ data: { choices: DialogChoice[]; default: unknown } }>;
  /** The catalog folders with their number of published items. */
  getServiceCatalogs: () => Promise<{ data: ServiceCatalog[] }>;
  /** Runs the provider's health check now; the provider with its new status and history. */
  checkProviderHealth: (id: Identifier) => Promise<{ data: Provider }>;
  /** Reads what a Kubernetes or OpenStack provider holds now; UNAVAILABLE (with the reason) for other types
   * or when the provider does not answer. */
  refreshProviderResources: (id: Identifier) => Promise<{ data: Provider }>;
  /** Health checks that changed a provider's status (went down, came back), newest first. */
  getProviderAlarms: (take: number) => Promise<{ data: ProviderHealthCheck[] }>;
  /** Runs a failed bundle request again from the state that failed. CONFLICT when it is not a failed bundle. */
  resumeServiceRequest: (id: Identifier) => Promise<{ data: ServiceRequest }>;
  /** Cancels a request not yet started (pending, queued). CONFLICT once it runs or has ended. */
  cancelServiceRequest: (id: Identifier) => Promise<{ data: ServiceRequest }>;
  /** Retires a service: the retirement request it starts. */
  retireService: (id: Identifier) => Promise<{ data: ServiceRequest }>;
}

export type SuperfluidDataProvider = DataProvider & SuperfluidMethods;

const methods: SuperfluidMethods = {
  refreshGitRepo: async (id) => {
    const { refreshGitRepo } = await graphqlRequest<{ refreshGitRepo: GitRepo }>(
      `mutation($id: ID!) { refreshGitRepo(id: $id) { ${GIT_REPO_DETAIL_FIELDS} } }`,
      { id },
    );
    return { data: refreshGitRepo };
  },
  refreshAllGitRepos: async () => {
    const { refreshAllGitRepos } = await graphqlRequest<{ refreshAllGitRepos: GitRepo[] }>(
      `mutation { refreshAllGitRepos { ${GIT_REPO_FIELDS} } }`,
    );
    return { data: refreshAllGitRepos };
  },
  enableGitWebhook: async (id) => {
    const { enableGitWebhook } = await graphqlRequest<{ enableGitWebhook: GitWebhook }>(
      'mutation($id: ID!) { enableGitWebhook(id: $id) { url secret } }',
      { id },
    );
    return { data: enableGitWebhook };
  },
  disableGitWebhook: async (id) => {
    const { disableGitWebhook } = await graphqlRequest<{ disableGitWebhook: GitRepo }>(
      `mutation($id: ID!) { disableGitWebhook(id: $id) { ${GIT_REPO_DETAIL_FIELDS} } }`,
      { id },
    );
    return { data: disableGitWebhook };
  },
  createApiToken: async (name, expiresInDays) => {
    const { createApiToken } = await graphqlRequest<{ createApiToken: CreatedApiToken }>(
      `mutation($name: String!, $expiresInDays: Int) { createApiToken(name: $name, expiresInDays: $expiresInDays) {
        token apiToken { ${API_TOKEN_FIELDS} } } }`,
      { name, expiresInDays },
    );
    return { data: createApiToken };
  },
  getJob: async (id) => {
    const { job } = await graphqlRequest<{ job: (Job & { stdout: string }) | null }>(
      `query($id: ID!) { job(id: $id) { ${JOB_FIELDS} stdout } }`,
      { id },
    );
    return { data: job };
  },
  cancelJob: async (id) => {
    const { cancelJob } = await graphqlRequest<{ cancelJob: Job }>(
      `mutation($id: ID!) { cancelJob(id: $id) { ${JOB_FIELDS} } }`,
      { id },
    );
    return { data: cancelJob };
  },
  getJobEvents: async (jobId, afterSeq) => {
    const { job } = await graphqlRequest<{ job: { events: JobEvent[] } | null }>(
      `query($id: ID!, $afterSeq: Int) { job(id: $id) { events(afterSeq: $afterSeq, limit: 1000) { ${EVENT_FIELDS} } } }`,
      { id: jobId, afterSeq },
    );
    return { data: job?.events ?? [] };
  },
  getCredentialTypes: async () => {
    const { credentialTypes } = await graphqlRequest<{ credentialTypes: CredentialType[] }>(
      `{ credentialTypes { ${CREDENTIAL_TYPE_FIELDS} } }`,
    );
    return { data: credentialTypes };
  },
  importDialog: async (format, content, name) => {
    const { importDialog } = await graphqlRequest<{ importDialog: DialogRecord[] }>(
      `mutation($f: DialogImportFormat!, $c: String!, $n: String) { importDialog(format: $f, content: $c, name: $n) { ${DIALOG_FIELDS} } }`,
      { f: format, c: content, n: name || null },
    );
    return { data: importDialog };
  },
  saveDialog: async (definition) => {
    const { saveDialog } = await graphqlRequest<{ saveDialog: DialogRecord }>(
      `mutation($d: JSON!) { saveDialog(definition: $d) { ${DIALOG_DETAIL_FIELDS} } }`,
      { d: definition },
    );
    return { data: saveDialog };
  },
  bindDialogField: async (dialogId, field, dataSource, dependsOn) => {
    const { bindDialogField } = await graphqlRequest<{ bindDialogField: DialogRecord }>(
      `mutation($id: ID!, $f: String!, $s: JSON, $d: [String!]) { bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) { ${DIALOG_DETAIL_FIELDS} } }`,
      { id: dialogId, f: field, s: dataSource, d: dependsOn },
    );
    return { data: bindDialogField };
  },
  saveServiceTemplate: async (id, definition) => {
    const { saveServiceTemplate } = await graphqlRequest<{ saveServiceTemplate: TemplateRecord }>(
      `mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { ${TEMPLATE_EDITOR_FIELDS} } }`,
      { i: { id, definition } },
    );
    return { data: saveServiceTemplate };
  },
  getStateMachines: async () => {
    const { stateMachines } = await graphqlRequest<{ stateMachines: StateMachineSummary[] }>('{ stateMachines { name description states } }');
    return { data: stateMachines };
  },
  refreshDialogField: async (dialog, field, values) => {
    const { refreshDialogField } = await graphqlRequest<{ refreshDialogField: { choices: DialogChoice[]; default: unknown } }>(
      'query($d: String!, $f: String!, $v: JSON!) { refreshDialogField(dialog: $d, field: $f, values: $v) { choices { value label } default } }',
      { d: dialog, f: field, v: values },
    );
    return { data: refreshDialogField };
  },
  getServiceCatalogs: async () => {
    const { serviceCatalogs } = await graphqlRequest<{ serviceCatalogs: ServiceCatalog[] }>('{ serviceCatalogs { name count } }');
    return { data: serviceCatalogs };
  },
  checkProviderHealth: async (id) => {
    const { checkProviderHealth } = await graphqlRequest<{ checkProviderHealth: Provider }>(
      `mutation($id: ID!) { checkProviderHealth(id: $id) { ${PROVIDER_DETAIL_FIELDS} } }`,
      { id },
    );
    return { data: checkProviderHealth };
  },
  refreshProviderResources: async (id) => {
    const { refreshProviderResources } = await graphqlRequest<{ refreshProviderResources: Provider }>(
      `mutation($id: ID!) { refreshProviderResources(id: $id) { ${PROVIDER_DETAIL_FIELDS} } }`,
      { id },
    );
    return { data: refreshProviderResources };
  },
  getProviderAlarms: async (take) => {
    const { providerAlarms } = await graphqlRequest<{ providerAlarms: ProviderHealthCheck[] }>(
      `query($take: Int!) { providerAlarms(take: $take) { ${HEALTH_FIELDS} } }`,
      { take },
    );
    return { data: providerAlarms };
  },
  resumeServiceRequest: async (id) => {
    const { resumeServiceRequest } = await graphqlRequest<{ resumeServiceRequest: ServiceRequest }>(
      `mutation($id: ID!) { resumeServiceRequest(id: $id) { ${REQUEST_FIELDS} } }`,
      { id },
    );
    return { data: resumeServiceRequest };
  },
  cancelServiceRequest: async (id) => {
    const { cancelServiceRequest } = await graphqlRequest<{ cancelServiceRequest: ServiceRequest }>(
      `mutation($id: ID!) { cancelServiceRequest(id: $id) { ${REQUEST_FIELDS} } }`,
      { id },
    );
    return { data: cancelServiceRequest };
  },
  retireService: async (id) => {
    const { retireService } = await graphqlRequest<{ retireService: ServiceRequest }>(
      `mutation($id: ID!) { retireService(id: $id) { ${REQUEST_FIELDS} } }`,
      { id },
    );
    return { data: retireService };
  },
};

// react-admin types its methods generically over the record type; the API's records are plain
// objects with a string id, which is what every generic instance gets here.
export const dataProvider: SuperfluidDataProvider = {
  getList: getList as DataProvider['getList'],
  getOne: getOne as DataProvider['getOne'],
  getMany: getMany as DataProvider['getMany'],
  getManyReference: () => unsupported('Listing by reference'),
  create: create as DataProvider['create'],
  update: update as DataProvider['update'],
  updateMany: () => unsupported('Updating'),
  delete: deleteOne as DataProvider['delete'],
  deleteMany: () => unsupported('Deleting'),
  ...methods,
};
