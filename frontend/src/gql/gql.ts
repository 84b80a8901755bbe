/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ApiTokenFields on ApiToken { id name createdAt expiresAt lastUsedAt }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens { apiTokens { ...ApiTokenFields } }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($name: String!, $expiresInDays: Int) {\n    createApiToken(name: $name, expiresInDays: $expiresInDays) { token apiToken { ...ApiTokenFields } }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token user { id username } } }\n": typeof types.LoginDocument,
    "\n  query Me { me { id username } }\n": typeof types.MeDocument,
    "\n  fragment CatalogCardFields on ServiceTemplate { id name description catalog icon published type }\n": typeof types.CatalogCardFieldsFragmentDoc,
    "\n  fragment CatalogItemFields on ServiceTemplate { id name description catalog longDescription icon published type dialog }\n": typeof types.CatalogItemFieldsFragmentDoc,
    "\n  query CatalogPage($search: String, $catalog: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, catalog: $catalog, skip: $skip, take: $take) { ...CatalogCardFields }\n    serviceTemplateCount(search: $search, catalog: $catalog)\n  }\n": typeof types.CatalogPageDocument,
    "\n  query CatalogItem($id: ID!) { serviceTemplate(id: $id) { ...CatalogItemFields } }\n": typeof types.CatalogItemDocument,
    "\n  query ServiceCatalogs { serviceCatalogs { name count } }\n": typeof types.ServiceCatalogsDocument,
    "\n  fragment CredentialFields on Credential { id name type inputs secretFields createdAt updatedAt }\n": typeof types.CredentialFieldsFragmentDoc,
    "\n  query Credentials { credentials { ...CredentialFields } }\n": typeof types.CredentialsDocument,
    "\n  query Credential($id: ID!) { credential(id: $id) { ...CredentialFields } }\n": typeof types.CredentialDocument,
    "\n  query CredentialTypes { credentialTypes { name label description fields { name label secret required multiline help } } }\n": typeof types.CredentialTypesDocument,
    "\n  mutation CreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { ...CredentialFields } }\n": typeof types.CreateCredentialDocument,
    "\n  mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) { updateCredential(id: $id, input: $input) { ...CredentialFields } }\n": typeof types.UpdateCredentialDocument,
    "\n  mutation DeleteCredential($id: ID!) { deleteCredential(id: $id) }\n": typeof types.DeleteCredentialDocument,
    "\n  fragment DialogFields on Dialog {\n    id name label description origin updatedAt\n    fields { name label type required dynamic pending dependsOn boundFrom }\n  }\n": typeof types.DialogFieldsFragmentDoc,
    "\n  fragment DialogDetailFields on Dialog { ...DialogFields form definition }\n": typeof types.DialogDetailFieldsFragmentDoc,
    "\n  query Dialogs { dialogs { ...DialogFields } }\n": typeof types.DialogsDocument,
    "\n  query Dialog($id: ID!) { dialog(id: $id) { ...DialogDetailFields } }\n": typeof types.DialogDocument,
    "\n  mutation DeleteDialog($id: ID!) { deleteDialog(id: $id) }\n": typeof types.DeleteDialogDocument,
    "\n  mutation ImportDialog($f: DialogImportFormat!, $c: String!, $n: String) { importDialog(format: $f, content: $c, name: $n) { ...DialogFields } }\n": typeof types.ImportDialogDocument,
    "\n  mutation SaveDialog($d: JSON!) { saveDialog(definition: $d) { ...DialogDetailFields } }\n": typeof types.SaveDialogDocument,
    "\n  mutation BindDialogField($id: ID!, $f: String!, $s: JSON, $d: [String!]) {\n    bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) { ...DialogDetailFields }\n  }\n": typeof types.BindDialogFieldDocument,
    "\n  query RefreshDialogField($d: String!, $f: String!, $v: JSON!) {\n    refreshDialogField(dialog: $d, field: $f, values: $v) { choices { value label } default }\n  }\n": typeof types.RefreshDialogFieldDocument,
    "\n  fragment GitRepoFields on GitRepo {\n    id name url branch commit lastRefreshedAt refreshStatus refreshError builtin hosted enabled\n    refreshMaxAgeSeconds refreshIntervalSeconds cloneUrl webhookUrl playbooks { path syntaxStatus syntaxError }\n  }\n": typeof types.GitRepoFieldsFragmentDoc,
    "\n  fragment GitRefreshFields on GitRefresh {\n    id status commit previousCommit durationMs error added changed removed startedAt finishedAt\n  }\n": typeof types.GitRefreshFieldsFragmentDoc,
    "\n  fragment GitRepoDetailFields on GitRepo {\n    ...GitRepoFields\n    refreshes(take: 20) { ...GitRefreshFields }\n  }\n": typeof types.GitRepoDetailFieldsFragmentDoc,
    "\n  query GitRepos { gitRepos { ...GitRepoFields } }\n": typeof types.GitReposDocument,
    "\n  query GitRepo($id: ID!) { gitRepo(id: $id) { ...GitRepoDetailFields } }\n": typeof types.GitRepoDocument,
    "\n  mutation CreateGitRepo($input: CreateGitRepoInput!) { createGitRepo(input: $input) { ...GitRepoDetailFields } }\n": typeof types.CreateGitRepoDocument,
    "\n  mutation UpdateGitRepo($id: ID!, $input: UpdateGitRepoInput!) { updateGitRepo(id: $id, input: $input) { ...GitRepoDetailFields } }\n": typeof types.UpdateGitRepoDocument,
    "\n  mutation DeleteGitRepo($id: ID!) { deleteGitRepo(id: $id) }\n": typeof types.DeleteGitRepoDocument,
    "\n  mutation RefreshGitRepo($id: ID!) { refreshGitRepo(id: $id) { ...GitRepoDetailFields } }\n": typeof types.RefreshGitRepoDocument,
    "\n  mutation RefreshAllGitRepos { refreshAllGitRepos { ...GitRepoFields } }\n": typeof types.RefreshAllGitReposDocument,
    "\n  mutation EnableGitWebhook($id: ID!) { enableGitWebhook(id: $id) { url secret } }\n": typeof types.EnableGitWebhookDocument,
    "\n  mutation DisableGitWebhook($id: ID!) { disableGitWebhook(id: $id) { ...GitRepoDetailFields } }\n": typeof types.DisableGitWebhookDocument,
    "\n  fragment InventoryFields on Inventory { id name description sites { name providerId hosts variables } createdAt updatedAt }\n": typeof types.InventoryFieldsFragmentDoc,
    "\n  fragment InventoryDetailFields on Inventory { ...InventoryFields rendered }\n": typeof types.InventoryDetailFieldsFragmentDoc,
    "\n  query Inventories { inventories { ...InventoryFields } }\n": typeof types.InventoriesDocument,
    "\n  query Inventory($id: ID!) { inventory(id: $id) { ...InventoryDetailFields } }\n": typeof types.InventoryDocument,
    "\n  mutation CreateInventory($input: InventoryInput!) { createInventory(input: $input) { ...InventoryDetailFields } }\n": typeof types.CreateInventoryDocument,
    "\n  mutation UpdateInventory($id: ID!, $input: InventoryInput!) { updateInventory(id: $id, input: $input) { ...InventoryDetailFields } }\n": typeof types.UpdateInventoryDocument,
    "\n  mutation DeleteInventory($id: ID!) { deleteInventory(id: $id) }\n": typeof types.DeleteInventoryDocument,
    "\n  fragment ProviderFields on Provider {\n    id name type config credentialId becomeCredentialId healthStatus healthMessage healthCheckedAt createdAt\n  }\n": typeof types.ProviderFieldsFragmentDoc,
    "\n  fragment ProviderHealthFields on ProviderHealthCheck { providerId status message latencyMs changed checkedAt }\n": typeof types.ProviderHealthFieldsFragmentDoc,
    "\n  fragment ProviderDetailFields on Provider {\n    ...ProviderFields\n    inventory\n    healthHistory(take: 50) { ...ProviderHealthFields }\n    resources {\n      __typename\n      ... on KubernetesResources {\n        namespaces\n        deployments { namespace name replicas ready }\n        services { namespace name type address ports }\n      }\n      ... on OpenStackResources {\n        stacks { id name status reason createdAt }\n        servers { id name status addresses }\n        missing\n      }\n    }\n    resourcesRefreshedAt\n  }\n": typeof types.ProviderDetailFieldsFragmentDoc,
    "\n  query Providers { providers { ...ProviderFields } }\n": typeof types.ProvidersDocument,
    "\n  query Provider($id: ID!) { provider(id: $id) { ...ProviderDetailFields } }\n": typeof types.ProviderDocument,
    "\n  mutation CreateProvider($input: ProviderInput!) { createProvider(input: $input) { ...ProviderFields } }\n": typeof types.CreateProviderDocument,
    "\n  mutation UpdateProvider($id: ID!, $input: ProviderInput!) { updateProvider(id: $id, input: $input) { ...ProviderDetailFields } }\n": typeof types.UpdateProviderDocument,
    "\n  mutation DeleteProvider($id: ID!) { deleteProvider(id: $id) }\n": typeof types.DeleteProviderDocument,
    "\n  mutation CheckProviderHealth($id: ID!) { checkProviderHealth(id: $id) { ...ProviderDetailFields } }\n": typeof types.CheckProviderHealthDocument,
    "\n  mutation RefreshProviderResources($id: ID!) { refreshProviderResources(id: $id) { ...ProviderDetailFields } }\n": typeof types.RefreshProviderResourcesDocument,
    "\n  query ProviderAlarms($take: Int!) { providerAlarms(take: $take) { ...ProviderHealthFields } }\n": typeof types.ProviderAlarmsDocument,
    "\n  fragment JobFields on Job {\n    id status playbook commit returnCode startedAt finishedAt cancelRequestedAt artifacts\n    eventCount eventsEmitted eventsComplete outputPurgedAt\n    hostSummaries { host ok changed failures unreachable skipped rescued ignored }\n  }\n": typeof types.JobFieldsFragmentDoc,
    "\n  fragment JobEventFields on JobEvent { seq event host task play changed failed stdout createdAt }\n": typeof types.JobEventFieldsFragmentDoc,
    "\n  fragment RequestBundleFields on ServiceRequest {\n    state stateAttempt transitions { state event attempt message at }\n    items { id name index site status jobId playbook commit outputs message startedAt finishedAt }\n  }\n": typeof types.RequestBundleFieldsFragmentDoc,
    "\n  fragment RequestListFields on ServiceRequest {\n    id status message createdAt updatedAt finishedAt dialogValues\n    ...RequestBundleFields\n    template { id name type }\n    requester { id username }\n    jobs { ...JobFields }\n    service { id name status outputs }\n  }\n": typeof types.RequestListFieldsFragmentDoc,
    "\n  fragment RequestFields on ServiceRequest {\n    ...RequestListFields\n    machine { name states { name method } action serviceId rollbackOf onFailure }\n    template { id name type dialog }\n  }\n": typeof types.RequestFieldsFragmentDoc,
    "\n  query ServiceRequests($skip: Int, $take: Int) { serviceRequests(skip: $skip, take: $take) { ...RequestListFields } }\n": typeof types.ServiceRequestsDocument,
    "\n  query ServiceRequest($id: ID!) { serviceRequest(id: $id) { ...RequestFields } }\n": typeof types.ServiceRequestDocument,
    "\n  mutation OrderService($input: OrderServiceInput!) { orderService(input: $input) { ...RequestFields } }\n": typeof types.OrderServiceDocument,
    "\n  mutation ReconfigureService($id: ID!, $values: JSON!) { reconfigureService(id: $id, dialogValues: $values) { ...RequestFields } }\n": typeof types.ReconfigureServiceDocument,
    "\n  mutation ResumeServiceRequest($id: ID!) { resumeServiceRequest(id: $id) { ...RequestFields } }\n": typeof types.ResumeServiceRequestDocument,
    "\n  mutation CancelServiceRequest($id: ID!) { cancelServiceRequest(id: $id) { ...RequestFields } }\n": typeof types.CancelServiceRequestDocument,
    "\n  query Job($id: ID!) { job(id: $id) { ...JobFields stdout } }\n": typeof types.JobDocument,
    "\n  mutation CancelJob($id: ID!) { cancelJob(id: $id) { ...JobFields } }\n": typeof types.CancelJobDocument,
    "\n  query JobEvents($id: ID!, $afterSeq: Int) { job(id: $id) { events(afterSeq: $afterSeq, limit: 1000) { ...JobEventFields } } }\n": typeof types.JobEventsDocument,
    "\n  subscription ServiceRequestUpdated($id: ID!) { serviceRequestUpdated(id: $id) { ...RequestFields } }\n": typeof types.ServiceRequestUpdatedDocument,
    "\n  subscription JobLog($jobId: ID!, $offset: Int) { jobLog(jobId: $jobId, offset: $offset) { offset text } }\n": typeof types.JobLogDocument,
    "\n  subscription JobEventsLive($jobId: ID!, $afterSeq: Int) { jobEvents(jobId: $jobId, afterSeq: $afterSeq) { ...JobEventFields } }\n": typeof types.JobEventsLiveDocument,
    "\n  fragment ServiceFields on Service {\n    id name status outputs createdAt providerIds owner { id username }\n    request { id status template { id name } }\n    configuration { dialog values reconfigurableFields }\n  }\n": typeof types.ServiceFieldsFragmentDoc,
    "\n  query Services($skip: Int, $take: Int) { services(skip: $skip, take: $take) { ...ServiceFields } }\n": typeof types.ServicesDocument,
    "\n  query Service($id: ID!) { service(id: $id) { ...ServiceFields } }\n": typeof types.ServiceDocument,
    "\n  mutation RetireService($id: ID!) { retireService(id: $id) { ...RequestFields } }\n": typeof types.RetireServiceDocument,
    "\n  fragment TemplateEditorFields on ServiceTemplate { id name description catalog type published source definition }\n": typeof types.TemplateEditorFieldsFragmentDoc,
    "\n  query TemplatesPage($search: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, unpublished: true, skip: $skip, take: $take) { ...TemplateEditorFields }\n    serviceTemplateCount(search: $search, unpublished: true)\n  }\n": typeof types.TemplatesPageDocument,
    "\n  query Template($id: ID!) { serviceTemplate(id: $id, unpublished: true) { ...TemplateEditorFields } }\n": typeof types.TemplateDocument,
    "\n  mutation SaveServiceTemplate($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { ...TemplateEditorFields } }\n": typeof types.SaveServiceTemplateDocument,
    "\n  mutation DeleteServiceTemplate($id: ID!) { deleteServiceTemplate(id: $id) }\n": typeof types.DeleteServiceTemplateDocument,
    "\n  query StateMachines { stateMachines { name description states } }\n": typeof types.StateMachinesDocument,
};
const documents: Documents = {
    "\n  fragment ApiTokenFields on ApiToken { id name createdAt expiresAt lastUsedAt }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens { apiTokens { ...ApiTokenFields } }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($name: String!, $expiresInDays: Int) {\n    createApiToken(name: $name, expiresInDays: $expiresInDays) { token apiToken { ...ApiTokenFields } }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }\n": types.RevokeApiTokenDocument,
    "\n  mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token user { id username } } }\n": types.LoginDocument,
    "\n  query Me { me { id username } }\n": types.MeDocument,
    "\n  fragment CatalogCardFields on ServiceTemplate { id name description catalog icon published type }\n": types.CatalogCardFieldsFragmentDoc,
    "\n  fragment CatalogItemFields on ServiceTemplate { id name description catalog longDescription icon published type dialog }\n": types.CatalogItemFieldsFragmentDoc,
    "\n  query CatalogPage($search: String, $catalog: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, catalog: $catalog, skip: $skip, take: $take) { ...CatalogCardFields }\n    serviceTemplateCount(search: $search, catalog: $catalog)\n  }\n": types.CatalogPageDocument,
    "\n  query CatalogItem($id: ID!) { serviceTemplate(id: $id) { ...CatalogItemFields } }\n": types.CatalogItemDocument,
    "\n  query ServiceCatalogs { serviceCatalogs { name count } }\n": types.ServiceCatalogsDocument,
    "\n  fragment CredentialFields on Credential { id name type inputs secretFields createdAt updatedAt }\n": types.CredentialFieldsFragmentDoc,
    "\n  query Credentials { credentials { ...CredentialFields } }\n": types.CredentialsDocument,
    "\n  query Credential($id: ID!) { credential(id: $id) { ...CredentialFields } }\n": types.CredentialDocument,
    "\n  query CredentialTypes { credentialTypes { name label description fields { name label secret required multiline help } } }\n": types.CredentialTypesDocument,
    "\n  mutation CreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { ...CredentialFields } }\n": types.CreateCredentialDocument,
    "\n  mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) { updateCredential(id: $id, input: $input) { ...CredentialFields } }\n": types.UpdateCredentialDocument,
    "\n  mutation DeleteCredential($id: ID!) { deleteCredential(id: $id) }\n": types.DeleteCredentialDocument,
    "\n  fragment DialogFields on Dialog {\n    id name label description origin updatedAt\n    fields { name label type required dynamic pending dependsOn boundFrom }\n  }\n": types.DialogFieldsFragmentDoc,
    "\n  fragment DialogDetailFields on Dialog { ...DialogFields form definition }\n": types.DialogDetailFieldsFragmentDoc,
    "\n  query Dialogs { dialogs { ...DialogFields } }\n": types.DialogsDocument,
    "\n  query Dialog($id: ID!) { dialog(id: $id) { ...DialogDetailFields } }\n": types.DialogDocument,
    "\n  mutation DeleteDialog($id: ID!) { deleteDialog(id: $id) }\n": types.DeleteDialogDocument,
    "\n  mutation ImportDialog($f: DialogImportFormat!, $c: String!, $n: String) { importDialog(format: $f, content: $c, name: $n) { ...DialogFields } }\n": types.ImportDialogDocument,
    "\n  mutation SaveDialog($d: JSON!) { saveDialog(definition: $d) { ...DialogDetailFields } }\n": types.SaveDialogDocument,
    "\n  mutation BindDialogField($id: ID!, $f: String!, $s: JSON, $d: [String!]) {\n    bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) { ...DialogDetailFields }\n  }\n": types.BindDialogFieldDocument,
    "\n  query RefreshDialogField($d: String!, $f: String!, $v: JSON!) {\n    refreshDialogField(dialog: $d, field: $f, values: $v) { choices { value label } default }\n  }\n": types.RefreshDialogFieldDocument,
    "\n  fragment GitRepoFields on GitRepo {\n    id name url branch commit lastRefreshedAt refreshStatus refreshError builtin hosted enabled\n    refreshMaxAgeSeconds refreshIntervalSeconds cloneUrl webhookUrl playbooks { path syntaxStatus syntaxError }\n  }\n": types.GitRepoFieldsFragmentDoc,
    "\n  fragment GitRefreshFields on GitRefresh {\n    id status commit previousCommit durationMs error added changed removed startedAt finishedAt\n  }\n": types.GitRefreshFieldsFragmentDoc,
    "\n  fragment GitRepoDetailFields on GitRepo {\n    ...GitRepoFields\n    refreshes(take: 20) { ...GitRefreshFields }\n  }\n": types.GitRepoDetailFieldsFragmentDoc,
    "\n  query GitRepos { gitRepos { ...GitRepoFields } }\n": types.GitReposDocument,
    "\n  query GitRepo($id: ID!) { gitRepo(id: $id) { ...GitRepoDetailFields } }\n": types.GitRepoDocument,
    "\n  mutation CreateGitRepo($input: CreateGitRepoInput!) { createGitRepo(input: $input) { ...GitRepoDetailFields } }\n": types.CreateGitRepoDocument,
    "\n  mutation UpdateGitRepo($id: ID!, $input: UpdateGitRepoInput!) { updateGitRepo(id: $id, input: $input) { ...GitRepoDetailFields } }\n": types.UpdateGitRepoDocument,
    "\n  mutation DeleteGitRepo($id: ID!) { deleteGitRepo(id: $id) }\n": types.DeleteGitRepoDocument,
    "\n  mutation RefreshGitRepo($id: ID!) { refreshGitRepo(id: $id) { ...GitRepoDetailFields } }\n": types.RefreshGitRepoDocument,
    "\n  mutation RefreshAllGitRepos { refreshAllGitRepos { ...GitRepoFields } }\n": types.RefreshAllGitReposDocument,
    "\n  mutation EnableGitWebhook($id: ID!) { enableGitWebhook(id: $id) { url secret } }\n": types.EnableGitWebhookDocument,
    "\n  mutation DisableGitWebhook($id: ID!) { disableGitWebhook(id: $id) { ...GitRepoDetailFields } }\n": types.DisableGitWebhookDocument,
    "\n  fragment InventoryFields on Inventory { id name description sites { name providerId hosts variables } createdAt updatedAt }\n": types.InventoryFieldsFragmentDoc,
    "\n  fragment InventoryDetailFields on Inventory { ...InventoryFields rendered }\n": types.InventoryDetailFieldsFragmentDoc,
    "\n  query Inventories { inventories { ...InventoryFields } }\n": types.InventoriesDocument,
    "\n  query Inventory($id: ID!) { inventory(id: $id) { ...InventoryDetailFields } }\n": types.InventoryDocument,
    "\n  mutation CreateInventory($input: InventoryInput!) { createInventory(input: $input) { ...InventoryDetailFields } }\n": types.CreateInventoryDocument,
    "\n  mutation UpdateInventory($id: ID!, $input: InventoryInput!) { updateInventory(id: $id, input: $input) { ...InventoryDetailFields } }\n": types.UpdateInventoryDocument,
    "\n  mutation DeleteInventory($id: ID!) { deleteInventory(id: $id) }\n": types.DeleteInventoryDocument,
    "\n  fragment ProviderFields on Provider {\n    id name type config credentialId becomeCredentialId healthStatus healthMessage healthCheckedAt createdAt\n  }\n": types.ProviderFieldsFragmentDoc,
    "\n  fragment ProviderHealthFields on ProviderHealthCheck { providerId status message latencyMs changed checkedAt }\n": types.ProviderHealthFieldsFragmentDoc,
    "\n  fragment ProviderDetailFields on Provider {\n    ...ProviderFields\n    inventory\n    healthHistory(take: 50) { ...ProviderHealthFields }\n    resources {\n      __typename\n      ... on KubernetesResources {\n        namespaces\n        deployments { namespace name replicas ready }\n        services { namespace name type address ports }\n      }\n      ... on OpenStackResources {\n        stacks { id name status reason createdAt }\n        servers { id name status addresses }\n        missing\n      }\n    }\n    resourcesRefreshedAt\n  }\n": types.ProviderDetailFieldsFragmentDoc,
    "\n  query Providers { providers { ...ProviderFields } }\n": types.ProvidersDocument,
    "\n  query Provider($id: ID!) { provider(id: $id) { ...ProviderDetailFields } }\n": types.ProviderDocument,
    "\n  mutation CreateProvider($input: ProviderInput!) { createProvider(input: $input) { ...ProviderFields } }\n": types.CreateProviderDocument,
    "\n  mutation UpdateProvider($id: ID!, $input: ProviderInput!) { updateProvider(id: $id, input: $input) { ...ProviderDetailFields } }\n": types.UpdateProviderDocument,
    "\n  mutation DeleteProvider($id: ID!) { deleteProvider(id: $id) }\n": types.DeleteProviderDocument,
    "\n  mutation CheckProviderHealth($id: ID!) { checkProviderHealth(id: $id) { ...ProviderDetailFields } }\n": types.CheckProviderHealthDocument,
    "\n  mutation RefreshProviderResources($id: ID!) { refreshProviderResources(id: $id) { ...ProviderDetailFields } }\n": types.RefreshProviderResourcesDocument,
    "\n  query ProviderAlarms($take: Int!) { providerAlarms(take: $take) { ...ProviderHealthFields } }\n": types.ProviderAlarmsDocument,
    "\n  fragment JobFields on Job {\n    id status playbook commit returnCode startedAt finishedAt cancelRequestedAt artifacts\n    eventCount eventsEmitted eventsComplete outputPurgedAt\n    hostSummaries { host ok changed failures unreachable skipped rescued ignored }\n  }\n": types.JobFieldsFragmentDoc,
    "\n  fragment JobEventFields on JobEvent { seq event host task play changed failed stdout createdAt }\n": types.JobEventFieldsFragmentDoc,
    "\n  fragment RequestBundleFields on ServiceRequest {\n    state stateAttempt transitions { state event attempt message at }\n    items { id name index site status jobId playbook commit outputs message startedAt finishedAt }\n  }\n": types.RequestBundleFieldsFragmentDoc,
    "\n  fragment RequestListFields on ServiceRequest {\n    id status message createdAt updatedAt finishedAt dialogValues\n    ...RequestBundleFields\n    template { id name type }\n    requester { id username }\n    jobs { ...JobFields }\n    service { id name status outputs }\n  }\n": types.RequestListFieldsFragmentDoc,
    "\n  fragment RequestFields on ServiceRequest {\n    ...RequestListFields\n    machine { name states { name method } action serviceId rollbackOf onFailure }\n    template { id name type dialog }\n  }\n": types.RequestFieldsFragmentDoc,
    "\n  query ServiceRequests($skip: Int, $take: Int) { serviceRequests(skip: $skip, take: $take) { ...RequestListFields } }\n": types.ServiceRequestsDocument,
    "\n  query ServiceRequest($id: ID!) { serviceRequest(id: $id) { ...RequestFields } }\n": types.ServiceRequestDocument,
    "\n  mutation OrderService($input: OrderServiceInput!) { orderService(input: $input) { ...RequestFields } }\n": types.OrderServiceDocument,
    "\n  mutation ReconfigureService($id: ID!, $values: JSON!) { reconfigureService(id: $id, dialogValues: $values) { ...RequestFields } }\n": types.ReconfigureServiceDocument,
    "\n  mutation ResumeServiceRequest($id: ID!) { resumeServiceRequest(id: $id) { ...RequestFields } }\n": types.ResumeServiceRequestDocument,
    "\n  mutation CancelServiceRequest($id: ID!) { cancelServiceRequest(id: $id) { ...RequestFields } }\n": types.CancelServiceRequestDocument,
    "\n  query Job($id: ID!) { job(id: $id) { ...JobFields stdout } }\n": types.JobDocument,
    "\n  mutation CancelJob($id: ID!) { cancelJob(id: $id) { ...JobFields } }\n": types.CancelJobDocument,
    "\n  query JobEvents($id: ID!, $afterSeq: Int) { job(id: $id) { events(afterSeq: $afterSeq, limit: 1000) { ...JobEventFields } } }\n": types.JobEventsDocument,
    "\n  subscription ServiceRequestUpdated($id: ID!) { serviceRequestUpdated(id: $id) { ...RequestFields } }\n": types.ServiceRequestUpdatedDocument,
    "\n  subscription JobLog($jobId: ID!, $offset: Int) { jobLog(jobId: $jobId, offset: $offset) { offset text } }\n": types.JobLogDocument,
    "\n  subscription JobEventsLive($jobId: ID!, $afterSeq: Int) { jobEvents(jobId: $jobId, afterSeq: $afterSeq) { ...JobEventFields } }\n": types.JobEventsLiveDocument,
    "\n  fragment ServiceFields on Service {\n    id name status outputs createdAt providerIds owner { id username }\n    request { id status template { id name } }\n    configuration { dialog values reconfigurableFields }\n  }\n": types.ServiceFieldsFragmentDoc,
    "\n  query Services($skip: Int, $take: Int) { services(skip: $skip, take: $take) { ...ServiceFields } }\n": types.ServicesDocument,
    "\n  query Service($id: ID!) { service(id: $id) { ...ServiceFields } }\n": types.ServiceDocument,
    "\n  mutation RetireService($id: ID!) { retireService(id: $id) { ...RequestFields } }\n": types.RetireServiceDocument,
    "\n  fragment TemplateEditorFields on ServiceTemplate { id name description catalog type published source definition }\n": types.TemplateEditorFieldsFragmentDoc,
    "\n  query TemplatesPage($search: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, unpublished: true, skip: $skip, take: $take) { ...TemplateEditorFields }\n    serviceTemplateCount(search: $search, unpublished: true)\n  }\n": types.TemplatesPageDocument,
    "\n  query Template($id: ID!) { serviceTemplate(id: $id, unpublished: true) { ...TemplateEditorFields } }\n": types.TemplateDocument,
    "\n  mutation SaveServiceTemplate($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { ...TemplateEditorFields } }\n": types.SaveServiceTemplateDocument,
    "\n  mutation DeleteServiceTemplate($id: ID!) { deleteServiceTemplate(id: $id) }\n": types.DeleteServiceTemplateDocument,
    "\n  query StateMachines { stateMachines { name description states } }\n": types.StateMachinesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken { id name createdAt expiresAt lastUsedAt }\n"): typeof import('./graphql').ApiTokenFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens { apiTokens { ...ApiTokenFields } }\n"): typeof import('./graphql').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!, $expiresInDays: Int) {\n    createApiToken(name: $name, expiresInDays: $expiresInDays) { token apiToken { ...ApiTokenFields } }\n  }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token user { id username } } }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { me { id username } }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogCardFields on ServiceTemplate { id name description catalog icon published type }\n"): typeof import('./graphql').CatalogCardFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogItemFields on ServiceTemplate { id name description catalog longDescription icon published type dialog }\n"): typeof import('./graphql').CatalogItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogPage($search: String, $catalog: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, catalog: $catalog, skip: $skip, take: $take) { ...CatalogCardFields }\n    serviceTemplateCount(search: $search, catalog: $catalog)\n  }\n"): typeof import('./graphql').CatalogPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogItem($id: ID!) { serviceTemplate(id: $id) { ...CatalogItemFields } }\n"): typeof import('./graphql').CatalogItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceCatalogs { serviceCatalogs { name count } }\n"): typeof import('./graphql').ServiceCatalogsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CredentialFields on Credential { id name type inputs secretFields createdAt updatedAt }\n"): typeof import('./graphql').CredentialFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Credentials { credentials { ...CredentialFields } }\n"): typeof import('./graphql').CredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Credential($id: ID!) { credential(id: $id) { ...CredentialFields } }\n"): typeof import('./graphql').CredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialTypes { credentialTypes { name label description fields { name label secret required multiline help } } }\n"): typeof import('./graphql').CredentialTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { ...CredentialFields } }\n"): typeof import('./graphql').CreateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) { updateCredential(id: $id, input: $input) { ...CredentialFields } }\n"): typeof import('./graphql').UpdateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCredential($id: ID!) { deleteCredential(id: $id) }\n"): typeof import('./graphql').DeleteCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DialogFields on Dialog {\n    id name label description origin updatedAt\n    fields { name label type required dynamic pending dependsOn boundFrom }\n  }\n"): typeof import('./graphql').DialogFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DialogDetailFields on Dialog { ...DialogFields form definition }\n"): typeof import('./graphql').DialogDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dialogs { dialogs { ...DialogFields } }\n"): typeof import('./graphql').DialogsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dialog($id: ID!) { dialog(id: $id) { ...DialogDetailFields } }\n"): typeof import('./graphql').DialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDialog($id: ID!) { deleteDialog(id: $id) }\n"): typeof import('./graphql').DeleteDialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportDialog($f: DialogImportFormat!, $c: String!, $n: String) { importDialog(format: $f, content: $c, name: $n) { ...DialogFields } }\n"): typeof import('./graphql').ImportDialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveDialog($d: JSON!) { saveDialog(definition: $d) { ...DialogDetailFields } }\n"): typeof import('./graphql').SaveDialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BindDialogField($id: ID!, $f: String!, $s: JSON, $d: [String!]) {\n    bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) { ...DialogDetailFields }\n  }\n"): typeof import('./graphql').BindDialogFieldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefreshDialogField($d: String!, $f: String!, $v: JSON!) {\n    refreshDialogField(dialog: $d, field: $f, values: $v) { choices { value label } default }\n  }\n"): typeof import('./graphql').RefreshDialogFieldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GitRepoFields on GitRepo {\n    id name url branch commit lastRefreshedAt refreshStatus refreshError builtin hosted enabled\n    refreshMaxAgeSeconds refreshIntervalSeconds cloneUrl webhookUrl playbooks { path syntaxStatus syntaxError }\n  }\n"): typeof import('./graphql').GitRepoFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GitRefreshFields on GitRefresh {\n    id status commit previousCommit durationMs error added changed removed startedAt finishedAt\n  }\n"): typeof import('./graphql').GitRefreshFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GitRepoDetailFields on GitRepo {\n    ...GitRepoFields\n    refreshes(take: 20) { ...GitRefreshFields }\n  }\n"): typeof import('./graphql').GitRepoDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GitRepos { gitRepos { ...GitRepoFields } }\n"): typeof import('./graphql').GitReposDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GitRepo($id: ID!) { gitRepo(id: $id) { ...GitRepoDetailFields } }\n"): typeof import('./graphql').GitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGitRepo($input: CreateGitRepoInput!) { createGitRepo(input: $input) { ...GitRepoDetailFields } }\n"): typeof import('./graphql').CreateGitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGitRepo($id: ID!, $input: UpdateGitRepoInput!) { updateGitRepo(id: $id, input: $input) { ...GitRepoDetailFields } }\n"): typeof import('./graphql').UpdateGitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGitRepo($id: ID!) { deleteGitRepo(id: $id) }\n"): typeof import('./graphql').DeleteGitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshGitRepo($id: ID!) { refreshGitRepo(id: $id) { ...GitRepoDetailFields } }\n"): typeof import('./graphql').RefreshGitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshAllGitRepos { refreshAllGitRepos { ...GitRepoFields } }\n"): typeof import('./graphql').RefreshAllGitReposDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableGitWebhook($id: ID!) { enableGitWebhook(id: $id) { url secret } }\n"): typeof import('./graphql').EnableGitWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableGitWebhook($id: ID!) { disableGitWebhook(id: $id) { ...GitRepoDetailFields } }\n"): typeof import('./graphql').DisableGitWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InventoryFields on Inventory { id name description sites { name providerId hosts variables } createdAt updatedAt }\n"): typeof import('./graphql').InventoryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InventoryDetailFields on Inventory { ...InventoryFields rendered }\n"): typeof import('./graphql').InventoryDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inventories { inventories { ...InventoryFields } }\n"): typeof import('./graphql').InventoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inventory($id: ID!) { inventory(id: $id) { ...InventoryDetailFields } }\n"): typeof import('./graphql').InventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInventory($input: InventoryInput!) { createInventory(input: $input) { ...InventoryDetailFields } }\n"): typeof import('./graphql').CreateInventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInventory($id: ID!, $input: InventoryInput!) { updateInventory(id: $id, input: $input) { ...InventoryDetailFields } }\n"): typeof import('./graphql').UpdateInventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteInventory($id: ID!) { deleteInventory(id: $id) }\n"): typeof import('./graphql').DeleteInventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderFields on Provider {\n    id name type config credentialId becomeCredentialId healthStatus healthMessage healthCheckedAt createdAt\n  }\n"): typeof import('./graphql').ProviderFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderHealthFields on ProviderHealthCheck { providerId status message latencyMs changed checkedAt }\n"): typeof import('./graphql').ProviderHealthFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderDetailFields on Provider {\n    ...ProviderFields\n    inventory\n    healthHistory(take: 50) { ...ProviderHealthFields }\n    resources {\n      __typename\n      ... on KubernetesResources {\n        namespaces\n        deployments { namespace name replicas ready }\n        services { namespace name type address ports }\n      }\n      ... on OpenStackResources {\n        stacks { id name status reason createdAt }\n        servers { id name status addresses }\n        missing\n      }\n    }\n    resourcesRefreshedAt\n  }\n"): typeof import('./graphql').ProviderDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Providers { providers { ...ProviderFields } }\n"): typeof import('./graphql').ProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Provider($id: ID!) { provider(id: $id) { ...ProviderDetailFields } }\n"): typeof import('./graphql').ProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProvider($input: ProviderInput!) { createProvider(input: $input) { ...ProviderFields } }\n"): typeof import('./graphql').CreateProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProvider($id: ID!, $input: ProviderInput!) { updateProvider(id: $id, input: $input) { ...ProviderDetailFields } }\n"): typeof import('./graphql').UpdateProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProvider($id: ID!) { deleteProvider(id: $id) }\n"): typeof import('./graphql').DeleteProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckProviderHealth($id: ID!) { checkProviderHealth(id: $id) { ...ProviderDetailFields } }\n"): typeof import('./graphql').CheckProviderHealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshProviderResources($id: ID!) { refreshProviderResources(id: $id) { ...ProviderDetailFields } }\n"): typeof import('./graphql').RefreshProviderResourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderAlarms($take: Int!) { providerAlarms(take: $take) { ...ProviderHealthFields } }\n"): typeof import('./graphql').ProviderAlarmsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobFields on Job {\n    id status playbook commit returnCode startedAt finishedAt cancelRequestedAt artifacts\n    eventCount eventsEmitted eventsComplete outputPurgedAt\n    hostSummaries { host ok changed failures unreachable skipped rescued ignored }\n  }\n"): typeof import('./graphql').JobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobEventFields on JobEvent { seq event host task play changed failed stdout createdAt }\n"): typeof import('./graphql').JobEventFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestBundleFields on ServiceRequest {\n    state stateAttempt transitions { state event attempt message at }\n    items { id name index site status jobId playbook commit outputs message startedAt finishedAt }\n  }\n"): typeof import('./graphql').RequestBundleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestListFields on ServiceRequest {\n    id status message createdAt updatedAt finishedAt dialogValues\n    ...RequestBundleFields\n    template { id name type }\n    requester { id username }\n    jobs { ...JobFields }\n    service { id name status outputs }\n  }\n"): typeof import('./graphql').RequestListFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestFields on ServiceRequest {\n    ...RequestListFields\n    machine { name states { name method } action serviceId rollbackOf onFailure }\n    template { id name type dialog }\n  }\n"): typeof import('./graphql').RequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceRequests($skip: Int, $take: Int) { serviceRequests(skip: $skip, take: $take) { ...RequestListFields } }\n"): typeof import('./graphql').ServiceRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceRequest($id: ID!) { serviceRequest(id: $id) { ...RequestFields } }\n"): typeof import('./graphql').ServiceRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderService($input: OrderServiceInput!) { orderService(input: $input) { ...RequestFields } }\n"): typeof import('./graphql').OrderServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReconfigureService($id: ID!, $values: JSON!) { reconfigureService(id: $id, dialogValues: $values) { ...RequestFields } }\n"): typeof import('./graphql').ReconfigureServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeServiceRequest($id: ID!) { resumeServiceRequest(id: $id) { ...RequestFields } }\n"): typeof import('./graphql').ResumeServiceRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelServiceRequest($id: ID!) { cancelServiceRequest(id: $id) { ...RequestFields } }\n"): typeof import('./graphql').CancelServiceRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Job($id: ID!) { job(id: $id) { ...JobFields stdout } }\n"): typeof import('./graphql').JobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelJob($id: ID!) { cancelJob(id: $id) { ...JobFields } }\n"): typeof import('./graphql').CancelJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobEvents($id: ID!, $afterSeq: Int) { job(id: $id) { events(afterSeq: $afterSeq, limit: 1000) { ...JobEventFields } } }\n"): typeof import('./graphql').JobEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ServiceRequestUpdated($id: ID!) { serviceRequestUpdated(id: $id) { ...RequestFields } }\n"): typeof import('./graphql').ServiceRequestUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobLog($jobId: ID!, $offset: Int) { jobLog(jobId: $jobId, offset: $offset) { offset text } }\n"): typeof import('./graphql').JobLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobEventsLive($jobId: ID!, $afterSeq: Int) { jobEvents(jobId: $jobId, afterSeq: $afterSeq) { ...JobEventFields } }\n"): typeof import('./graphql').JobEventsLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceFields on Service {\n    id name status outputs createdAt providerIds owner { id username }\n    request { id status template { id name } }\n    configuration { dialog values reconfigurableFields }\n  }\n"): typeof import('./graphql').ServiceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Services($skip: Int, $take: Int) { services(skip: $skip, take: $take) { ...ServiceFields } }\n"): typeof import('./graphql').ServicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Service($id: ID!) { service(id: $id) { ...ServiceFields } }\n"): typeof import('./graphql').ServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireService($id: ID!) { retireService(id: $id) { ...RequestFields } }\n"): typeof import('./graphql').RetireServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateEditorFields on ServiceTemplate { id name description catalog type published source definition }\n"): typeof import('./graphql').TemplateEditorFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplatesPage($search: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, unpublished: true, skip: $skip, take: $take) { ...TemplateEditorFields }\n    serviceTemplateCount(search: $search, unpublished: true)\n  }\n"): typeof import('./graphql').TemplatesPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Template($id: ID!) { serviceTemplate(id: $id, unpublished: true) { ...TemplateEditorFields } }\n"): typeof import('./graphql').TemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveServiceTemplate($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { ...TemplateEditorFields } }\n"): typeof import('./graphql').SaveServiceTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteServiceTemplate($id: ID!) { deleteServiceTemplate(id: $id) }\n"): typeof import('./graphql').DeleteServiceTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StateMachines { stateMachines { name description states } }\n"): typeof import('./graphql').StateMachinesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
