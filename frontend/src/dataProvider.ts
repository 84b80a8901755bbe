// The single seam between react-admin and the Superfluid GraphQL API. It only routes: each resource
// folder's api.ts holds that resource's GraphQL documents (types generated from the schema, see
// codegen.ts) and its reads and writes; errors reach the UI as HttpError with a status (api/graphql.ts).
// Resources: catalog (published items), serviceTemplates (every item, for the editors), serviceRequests
// (create = order or reconfigure), services, gitRepos, providers, inventories, credentials, apiTokens
// (delete = revoke), scheduledOperations (update = pause/resume or re-time), dialogs, users, groups, tenants, auditEvents and instances (read only), alarms (read; acknowledge
// and clear below) and webhookEndpoints (update = URL or enabled). What is no react-admin record operation (an API token shown once, a
// dialog or catalog item saved whole, a refresh, a health check...) is one of the methods below.
import {
  HttpError,
  type CreateParams,
  type CreateResult,
  type DataProvider,
  type DeleteParams,
  type DeleteResult,
  type GetListParams,
  type GetListResult,
  type GetManyParams,
  type GetManyResult,
  type GetOneParams,
  type GetOneResult,
  type UpdateParams,
  type UpdateResult,
} from 'react-admin';
import { accountApi } from './account/api';
import { alarmsApi } from './alarms/api';
import type { Rec, ResourceApi } from './api/resource';
import { apiTokensApi } from './apiTokens/api';
import { auditEventsApi } from './auditEvents/api';
import { catalogApi } from './catalog/api';
import { credentialsApi } from './credentials/api';
import { dialogsApi } from './dialogs/api';
import { gitReposApi } from './gitRepos/api';
import { vnfPackagesApi } from './vnfPackages/api';
import { groupsApi } from './groups/api';
import { instancesApi } from './instances/api';
import { inventoriesApi } from './inventories/api';
import { oidcGroupMappingsApi } from './oidcGroupMappings/api';
import { providersApi } from './providers/api';
import { approvalsApi } from './approvals/api';
import { serviceRequestsApi } from './serviceRequests/api';
import { servicesApi } from './services/api';
import { scheduledOperationsApi } from './schedules/api';
import { templatesApi } from './templates/api';
import { tenantsApi } from './tenants/api';
import { usersApi } from './users/api';
import { webhookEndpointsApi } from './webhooks/api';

// Each resource's api is typed over its own records; react-admin sees plain records with a string id.
const RESOURCES: Record<string, ResourceApi> = {
  catalog: catalogApi,
  serviceTemplates: templatesApi,
  serviceRequests: serviceRequestsApi,
  approvals: approvalsApi,
  services: servicesApi,
  scheduledOperations: scheduledOperationsApi,
  gitRepos: gitReposApi,
  vnfPackages: vnfPackagesApi,
  credentials: credentialsApi,
  dialogs: dialogsApi,
  providers: providersApi,
  inventories: inventoriesApi,
  apiTokens: apiTokensApi,
  users: usersApi,
  groups: groupsApi,
  tenants: tenantsApi,
  auditEvents: auditEventsApi,
  oidcGroupMappings: oidcGroupMappingsApi,
  alarms: alarmsApi,
  webhookEndpoints: webhookEndpointsApi,
  instances: instancesApi,
};

const resourceApi = (resource: string): ResourceApi => {
  const api = Object.hasOwn(RESOURCES, resource) ? RESOURCES[resource] : undefined;
  if (!api) throw new HttpError(`Unknown resource ${resource}`, 404, { code: 'NOT_FOUND' });
  return api;
};

const unsupported = (what: string): Promise<never> =>
  Promise.reject(new HttpError(`${what} is not supported by the Superfluid API`, 405, { code: 'UNSUPPORTED' }));

const getList = async (resource: string, params: GetListParams): Promise<GetListResult<Rec>> => resourceApi(resource).getList(params);

async function getOne(resource: string, params: GetOneParams): Promise<GetOneResult<Rec>> {
  const record = await resourceApi(resource).getOne(params.id);
  if (!record) throw new HttpError(`${resource} ${String(params.id)} does not exist`, 404, { code: 'NOT_FOUND' });
  return { data: record };
}

async function getMany(resource: string, params: GetManyParams): Promise<GetManyResult<Rec>> {
  const api = resourceApi(resource);
  const records = await Promise.all(params.ids.map((id) => api.getOne(id)));
  return { data: records.filter((r): r is Rec => r !== null) };
}

async function create(resource: string, params: CreateParams): Promise<CreateResult<Rec>> {
  const api = resourceApi(resource);
  if (!api.create) return unsupported(`Creating ${resource}`);
  return { data: await api.create(params.data) };
}

async function update(resource: string, params: UpdateParams): Promise<UpdateResult<Rec>> {
  const api = resourceApi(resource);
  if (!api.update) return unsupported(`Updating ${resource}`);
  return { data: await api.update(params.id, params.data, params.previousData) };
}

async function deleteOne(resource: string, params: DeleteParams): Promise<DeleteResult<Rec>> {
  const api = resourceApi(resource);
  if (!api.delete) return unsupported(`Deleting ${resource}`);
  await api.delete(params.id);
  return { data: (params.previousData ?? { id: String(params.id) }) as Rec };
}

/** `f`'s answer as `{ data }`, as useDataProvider's methods answer. */
const withData =
  <A extends unknown[], T>(f: (...args: A) => Promise<T>) =>
  async (...args: A): Promise<{ data: T }> => ({ data: await f(...args) });

/** Methods beyond react-admin's CRUD (each returns a Promise of `{ data }`, as useDataProvider requires);
 * each is documented where it is written, in its resource's api.ts. Live updates (subscriptions) are in
 * serviceRequests/live.ts. */
const methods = {
  refreshGitRepo: withData(gitReposApi.refresh),
  refreshAllGitRepos: withData(gitReposApi.refreshAll),
  enableGitWebhook: withData(gitReposApi.enableWebhook),
  disableGitWebhook: withData(gitReposApi.disableWebhook),
  shareGitRepo: withData(gitReposApi.share),
  enableVnfPackage: withData(vnfPackagesApi.enable),
  disableVnfPackage: withData(vnfPackagesApi.disable),
  deleteVnfPackage: withData(vnfPackagesApi.remove),
  abortVnfPackageDeletion: withData(vnfPackagesApi.abortDeletion),
  shareInventory: withData(inventoriesApi.share),
  createApiToken: withData(apiTokensApi.createToken),
  getJob: withData(serviceRequestsApi.getJob),
  cancelJob: withData(serviceRequestsApi.cancelJob),
  getJobEvents: withData(serviceRequestsApi.getJobEvents),
  getCredentialTypes: withData(credentialsApi.types),
  importDialog: withData(dialogsApi.import),
  saveDialog: withData(dialogsApi.save),
  shareDialog: withData(dialogsApi.share),
  bindDialogField: withData(dialogsApi.bindField),
  refreshDialogField: withData(dialogsApi.refreshField),
  saveServiceTemplate: withData(templatesApi.save),
  shareServiceTemplate: withData(templatesApi.share),
  getStateMachines: withData(templatesApi.stateMachines),
  getServiceCatalogs: withData(catalogApi.catalogs),
  checkProviderHealth: withData(providersApi.checkHealth),
  refreshProviderResources: withData(providersApi.refreshResources),
  getProviderAlarms: withData(providersApi.alarms),
  shareProvider: withData(providersApi.share),
  resumeServiceRequest: withData(serviceRequestsApi.resume),
  cancelServiceRequest: withData(serviceRequestsApi.cancel),
  approveServiceRequest: withData(approvalsApi.approve),
  denyServiceRequest: withData(approvalsApi.deny),
  getRequestFilterChoices: withData(serviceRequestsApi.filterChoices),
  retireService: withData(servicesApi.retire),
  forceRetireService: withData(servicesApi.forceRetire),
  healService: withData(servicesApi.heal),
  migrateService: withData(servicesApi.migrate),
  deleteService: withData(servicesApi.remove),
  extendServiceRetirement: withData(servicesApi.extendRetirement),
  resetUserPassword: withData(usersApi.resetPassword),
  getRoles: withData(groupsApi.roles),
  changePassword: withData(accountApi.changePassword),
  acknowledgeAlarm: withData(alarmsApi.acknowledge),
  clearAlarm: withData(alarmsApi.clear),
  createWebhookEndpoint: withData(webhookEndpointsApi.createEndpoint),
  rotateWebhookSecret: withData(webhookEndpointsApi.rotateSecret),
  getWebhookDeliveries: withData(webhookEndpointsApi.deliveries),
  resendWebhookDelivery: withData(webhookEndpointsApi.resend),
};

export type SuperfluidMethods = typeof methods;
export type SuperfluidDataProvider = DataProvider & SuperfluidMethods;

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
