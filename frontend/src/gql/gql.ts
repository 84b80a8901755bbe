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
    "\n  query SsoProviders {\n    ssoProviders {\n      name\n      loginUrl\n    }\n  }\n": typeof types.SsoProvidersDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      id\n      mustChangePassword\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment AlarmFields on Alarm {\n    id\n    kind\n    severity\n    objectType\n    objectId\n    tenantId\n    message\n    raisedAt\n    acknowledgedAt\n    acknowledgedBy\n    clearedAt\n    clearReason\n  }\n": typeof types.AlarmFieldsFragmentDoc,
    "\n  query Alarms($filter: AlarmFilter, $skip: Int, $take: Int) {\n    alarms(filter: $filter, skip: $skip, take: $take) {\n      ...AlarmFields\n    }\n    alarmCount(filter: $filter)\n  }\n": typeof types.AlarmsDocument,
    "\n  query Alarm($id: ID!) {\n    alarm(id: $id) {\n      ...AlarmFields\n    }\n  }\n": typeof types.AlarmDocument,
    "\n  mutation AcknowledgeAlarm($id: ID!) {\n    acknowledgeAlarm(id: $id) {\n      ...AlarmFields\n    }\n  }\n": typeof types.AcknowledgeAlarmDocument,
    "\n  mutation ClearAlarm($id: ID!) {\n    clearAlarm(id: $id) {\n      ...AlarmFields\n    }\n  }\n": typeof types.ClearAlarmDocument,
    "\n  subscription OpenAlarmCount {\n    openAlarmCount\n  }\n": typeof types.OpenAlarmCountDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    createdAt\n    expiresAt\n    lastUsedAt\n    scopes\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($name: String!, $expiresInDays: Int, $scopes: [String!]) {\n    createApiToken(name: $name, expiresInDays: $expiresInDays, scopes: $scopes) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment RequestApprovalFields on ServiceRequest {\n    approval {\n      approvals\n      reason\n      timeoutHours\n      deadline\n      canDecide\n      approvers {\n        id\n        username\n      }\n      decisions {\n        approverId\n        approverName\n        decision\n        reason\n        at\n      }\n    }\n  }\n": typeof types.RequestApprovalFieldsFragmentDoc,
    "\n  query ApprovalInbox($skip: Int, $take: Int) {\n    approvalInbox(skip: $skip, take: $take) {\n      total\n      requests {\n        ...RequestListFields\n        ...RequestApprovalFields\n      }\n    }\n  }\n": typeof types.ApprovalInboxDocument,
    "\n  mutation ApproveServiceRequest($id: ID!, $reason: String) {\n    approveServiceRequest(id: $id, reason: $reason) {\n      ...RequestFields\n    }\n  }\n": typeof types.ApproveServiceRequestDocument,
    "\n  mutation DenyServiceRequest($id: ID!, $reason: String!) {\n    denyServiceRequest(id: $id, reason: $reason) {\n      ...RequestFields\n    }\n  }\n": typeof types.DenyServiceRequestDocument,
    "\n  subscription ApprovalInboxCount {\n    approvalInboxCount\n  }\n": typeof types.ApprovalInboxCountDocument,
    "\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    actorId\n    actorName\n    action\n    objectType\n    objectId\n    outcome\n    errorCode\n    message\n    ip\n    details\n  }\n": typeof types.AuditEventFieldsFragmentDoc,
    "\n  query AuditEvents($filter: AuditFilter, $skip: Int, $take: Int) {\n    auditEvents(filter: $filter, skip: $skip, take: $take) {\n      ...AuditEventFields\n    }\n    auditEventCount(filter: $filter)\n  }\n": typeof types.AuditEventsDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        id\n        username\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      roles\n      mustChangePassword\n      tenant {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MyPermissions {\n    myPermissions\n  }\n": typeof types.MyPermissionsDocument,
    "\n  fragment CatalogCardFields on ServiceTemplate {\n    id\n    name\n    description\n    catalog\n    icon\n    published\n    type\n  }\n": typeof types.CatalogCardFieldsFragmentDoc,
    "\n  fragment CatalogItemFields on ServiceTemplate {\n    id\n    name\n    description\n    catalog\n    longDescription\n    icon\n    published\n    type\n    dialog\n    orderOptions\n    lifetime\n    approval {\n      mode\n      approvals\n      timeoutHours\n    }\n  }\n": typeof types.CatalogItemFieldsFragmentDoc,
    "\n  query CatalogPage($search: String, $catalog: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, catalog: $catalog, skip: $skip, take: $take) {\n      ...CatalogCardFields\n    }\n    serviceTemplateCount(search: $search, catalog: $catalog)\n  }\n": typeof types.CatalogPageDocument,
    "\n  query CatalogItem($id: ID!) {\n    serviceTemplate(id: $id) {\n      ...CatalogItemFields\n    }\n  }\n": typeof types.CatalogItemDocument,
    "\n  query ServiceCatalogs {\n    serviceCatalogs {\n      name\n      count\n    }\n  }\n": typeof types.ServiceCatalogsDocument,
    "\n  fragment CredentialFields on Credential {\n    id\n    name\n    type\n    inputs\n    secretFields\n    createdAt\n    updatedAt\n  }\n": typeof types.CredentialFieldsFragmentDoc,
    "\n  query Credentials {\n    credentials {\n      ...CredentialFields\n    }\n  }\n": typeof types.CredentialsDocument,
    "\n  query Credential($id: ID!) {\n    credential(id: $id) {\n      ...CredentialFields\n    }\n  }\n": typeof types.CredentialDocument,
    "\n  query CredentialTypes {\n    credentialTypes {\n      name\n      label\n      description\n      fields {\n        name\n        label\n        secret\n        required\n        multiline\n        help\n      }\n    }\n  }\n": typeof types.CredentialTypesDocument,
    "\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) {\n      ...CredentialFields\n    }\n  }\n": typeof types.CreateCredentialDocument,
    "\n  mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) {\n    updateCredential(id: $id, input: $input) {\n      ...CredentialFields\n    }\n  }\n": typeof types.UpdateCredentialDocument,
    "\n  mutation DeleteCredential($id: ID!) {\n    deleteCredential(id: $id)\n  }\n": typeof types.DeleteCredentialDocument,
    "\n  query Dashboard($days: Int, $timeZone: String) {\n    dashboard(days: $days, timeZone: $timeZone) {\n      days\n      timeZone\n      firstDay\n      lastDay\n      ordersPerDay {\n        day\n        total\n        finished\n        failed\n        stopped\n        open\n      }\n      orders\n      finished\n      failed\n      successRate\n      items {\n        ...DashboardItemFields\n      }\n      failingItems {\n        ...DashboardItemFields\n      }\n      pendingApprovals\n      runningJobs\n      runningRequests\n      providerHealth {\n        providerId\n        name\n        type\n        status\n        days {\n          day\n          checks\n          up\n        }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment DashboardItemFields on DashboardItem {\n    templateId\n    template {\n      name\n    }\n    total\n    finished\n    failed\n    durationP50Seconds\n    durationP95Seconds\n  }\n": typeof types.DashboardItemFieldsFragmentDoc,
    "\n  fragment DialogFields on Dialog {\n    id\n    name\n    label\n    description\n    origin\n    updatedAt\n    tenantId\n    sharedWith\n    fields {\n      name\n      label\n      type\n      required\n      dynamic\n      pending\n      dependsOn\n      boundFrom\n    }\n  }\n": typeof types.DialogFieldsFragmentDoc,
    "\n  fragment DialogDetailFields on Dialog {\n    ...DialogFields\n    form\n    definition\n  }\n": typeof types.DialogDetailFieldsFragmentDoc,
    "\n  query Dialogs {\n    dialogs {\n      ...DialogFields\n    }\n  }\n": typeof types.DialogsDocument,
    "\n  query Dialog($id: ID!) {\n    dialog(id: $id) {\n      ...DialogDetailFields\n    }\n  }\n": typeof types.DialogDocument,
    "\n  mutation DeleteDialog($id: ID!) {\n    deleteDialog(id: $id)\n  }\n": typeof types.DeleteDialogDocument,
    "\n  mutation ImportDialog($f: DialogImportFormat!, $c: String!, $n: String) {\n    importDialog(format: $f, content: $c, name: $n) {\n      ...DialogFields\n      importWarnings\n    }\n  }\n": typeof types.ImportDialogDocument,
    "\n  mutation SaveDialog($d: JSON!) {\n    saveDialog(definition: $d) {\n      ...DialogDetailFields\n    }\n  }\n": typeof types.SaveDialogDocument,
    "\n  mutation BindDialogField($id: ID!, $f: String!, $s: JSON, $d: [String!]) {\n    bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) {\n      ...DialogDetailFields\n    }\n  }\n": typeof types.BindDialogFieldDocument,
    "\n  mutation ShareDialog($id: ID!, $tenantIds: [ID!]!) {\n    shareDialog(id: $id, tenantIds: $tenantIds) {\n      ...DialogDetailFields\n    }\n  }\n": typeof types.ShareDialogDocument,
    "\n  query RefreshDialogField($d: String!, $f: String!, $v: JSON!) {\n    refreshDialogField(dialog: $d, field: $f, values: $v) {\n      choices {\n        value\n        label\n      }\n      default\n    }\n  }\n": typeof types.RefreshDialogFieldDocument,
    "\n  fragment GitRepoFields on GitRepo {\n    id\n    name\n    url\n    branch\n    commit\n    lastRefreshedAt\n    refreshStatus\n    refreshError\n    builtin\n    hosted\n    enabled\n    refreshMaxAgeSeconds\n    refreshIntervalSeconds\n    cloneUrl\n    webhookUrl\n    tenantId\n    sharedWith\n    credentialId\n    playbooks {\n      path\n      syntaxStatus\n      syntaxError\n    }\n  }\n": typeof types.GitRepoFieldsFragmentDoc,
    "\n  fragment GitRefreshFields on GitRefresh {\n    id\n    status\n    commit\n    previousCommit\n    durationMs\n    error\n    added\n    changed\n    removed\n    startedAt\n    finishedAt\n  }\n": typeof types.GitRefreshFieldsFragmentDoc,
    "\n  fragment GitRepoDetailFields on GitRepo {\n    ...GitRepoFields\n    refreshes(take: 20) {\n      ...GitRefreshFields\n    }\n  }\n": typeof types.GitRepoDetailFieldsFragmentDoc,
    "\n  query GitRepos {\n    gitRepos {\n      ...GitRepoFields\n    }\n  }\n": typeof types.GitReposDocument,
    "\n  query GitRepo($id: ID!) {\n    gitRepo(id: $id) {\n      ...GitRepoDetailFields\n    }\n  }\n": typeof types.GitRepoDocument,
    "\n  mutation CreateGitRepo($input: CreateGitRepoInput!) {\n    createGitRepo(input: $input) {\n      ...GitRepoDetailFields\n    }\n  }\n": typeof types.CreateGitRepoDocument,
    "\n  mutation UpdateGitRepo($id: ID!, $input: UpdateGitRepoInput!) {\n    updateGitRepo(id: $id, input: $input) {\n      ...GitRepoDetailFields\n    }\n  }\n": typeof types.UpdateGitRepoDocument,
    "\n  mutation DeleteGitRepo($id: ID!) {\n    deleteGitRepo(id: $id)\n  }\n": typeof types.DeleteGitRepoDocument,
    "\n  mutation RefreshGitRepo($id: ID!) {\n    refreshGitRepo(id: $id) {\n      ...GitRepoDetailFields\n    }\n  }\n": typeof types.RefreshGitRepoDocument,
    "\n  mutation RefreshAllGitRepos {\n    refreshAllGitRepos {\n      ...GitRepoFields\n    }\n  }\n": typeof types.RefreshAllGitReposDocument,
    "\n  mutation ShareGitRepo($id: ID!, $tenantIds: [ID!]!) {\n    shareGitRepo(id: $id, tenantIds: $tenantIds) {\n      ...GitRepoDetailFields\n    }\n  }\n": typeof types.ShareGitRepoDocument,
    "\n  mutation EnableGitWebhook($id: ID!) {\n    enableGitWebhook(id: $id) {\n      url\n      secret\n    }\n  }\n": typeof types.EnableGitWebhookDocument,
    "\n  mutation DisableGitWebhook($id: ID!) {\n    disableGitWebhook(id: $id) {\n      ...GitRepoDetailFields\n    }\n  }\n": typeof types.DisableGitWebhookDocument,
    "\n  fragment GroupFields on Group {\n    id\n    name\n    description\n    roles\n    members {\n      id\n      username\n    }\n    tenant {\n      id\n      name\n    }\n    createdAt\n  }\n": typeof types.GroupFieldsFragmentDoc,
    "\n  query Groups {\n    groups {\n      ...GroupFields\n    }\n  }\n": typeof types.GroupsDocument,
    "\n  query Group($id: ID!) {\n    group(id: $id) {\n      ...GroupFields\n    }\n  }\n": typeof types.GroupDocument,
    "\n  query Roles {\n    roles {\n      name\n      description\n      permissions\n    }\n  }\n": typeof types.RolesDocument,
    "\n  mutation CreateGroup($input: GroupInput!) {\n    createGroup(input: $input) {\n      ...GroupFields\n    }\n  }\n": typeof types.CreateGroupDocument,
    "\n  mutation UpdateGroup($id: ID!, $input: GroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      ...GroupFields\n    }\n  }\n": typeof types.UpdateGroupDocument,
    "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n": typeof types.DeleteGroupDocument,
    "\n  query Instances {\n    instances {\n      id\n      hostname\n      role\n      version\n      concurrency\n      runningJobs\n      startedAt\n      heartbeatAt\n      state\n    }\n  }\n": typeof types.InstancesDocument,
    "\n  fragment InventoryFields on Inventory {\n    id\n    name\n    description\n    sites {\n      name\n      providerId\n      hosts\n      variables\n    }\n    createdAt\n    updatedAt\n    tenantId\n    sharedWith\n  }\n": typeof types.InventoryFieldsFragmentDoc,
    "\n  fragment InventoryDetailFields on Inventory {\n    ...InventoryFields\n    rendered\n  }\n": typeof types.InventoryDetailFieldsFragmentDoc,
    "\n  query Inventories {\n    inventories {\n      ...InventoryFields\n    }\n  }\n": typeof types.InventoriesDocument,
    "\n  query Inventory($id: ID!) {\n    inventory(id: $id) {\n      ...InventoryDetailFields\n    }\n  }\n": typeof types.InventoryDocument,
    "\n  mutation CreateInventory($input: InventoryInput!) {\n    createInventory(input: $input) {\n      ...InventoryDetailFields\n    }\n  }\n": typeof types.CreateInventoryDocument,
    "\n  mutation UpdateInventory($id: ID!, $input: InventoryInput!) {\n    updateInventory(id: $id, input: $input) {\n      ...InventoryDetailFields\n    }\n  }\n": typeof types.UpdateInventoryDocument,
    "\n  mutation ShareInventory($id: ID!, $tenantIds: [ID!]!) {\n    shareInventory(id: $id, tenantIds: $tenantIds) {\n      ...InventoryDetailFields\n    }\n  }\n": typeof types.ShareInventoryDocument,
    "\n  mutation DeleteInventory($id: ID!) {\n    deleteInventory(id: $id)\n  }\n": typeof types.DeleteInventoryDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    eventType\n    title\n    data\n    createdAt\n    readAt\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  fragment NotificationSubscriptionFields on NotificationSubscription {\n    id\n    eventTypes\n    channel\n    tenantId\n    endpointId\n    enabled\n    createdAt\n  }\n": typeof types.NotificationSubscriptionFieldsFragmentDoc,
    "\n  query MyNotifications($unreadOnly: Boolean!, $skip: Int, $take: Int) {\n    myNotifications(unreadOnly: $unreadOnly, skip: $skip, take: $take) {\n      ...NotificationFields\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query NotificationSubscriptions {\n    notificationSubscriptions {\n      ...NotificationSubscriptionFields\n    }\n  }\n": typeof types.NotificationSubscriptionsDocument,
    "\n  mutation SubscribeToNotifications($input: NotificationSubscriptionInput!) {\n    subscribeToNotifications(input: $input) {\n      ...NotificationSubscriptionFields\n    }\n  }\n": typeof types.SubscribeToNotificationsDocument,
    "\n  mutation SetNotificationSubscriptionEnabled($id: ID!, $enabled: Boolean!) {\n    setNotificationSubscriptionEnabled(id: $id, enabled: $enabled) {\n      ...NotificationSubscriptionFields\n    }\n  }\n": typeof types.SetNotificationSubscriptionEnabledDocument,
    "\n  mutation UnsubscribeFromNotifications($id: ID!) {\n    unsubscribeFromNotifications(id: $id)\n  }\n": typeof types.UnsubscribeFromNotificationsDocument,
    "\n  fragment OidcGroupMappingFields on OidcGroupMapping {\n    id\n    claim\n    group {\n      id\n      name\n    }\n    tenant {\n      id\n      name\n    }\n    createdAt\n  }\n": typeof types.OidcGroupMappingFieldsFragmentDoc,
    "\n  query OidcGroupMappings {\n    oidcGroupMappings {\n      ...OidcGroupMappingFields\n    }\n  }\n": typeof types.OidcGroupMappingsDocument,
    "\n  mutation CreateOidcGroupMapping($claim: String!, $groupId: ID!) {\n    createOidcGroupMapping(claim: $claim, groupId: $groupId) {\n      ...OidcGroupMappingFields\n    }\n  }\n": typeof types.CreateOidcGroupMappingDocument,
    "\n  mutation DeleteOidcGroupMapping($id: ID!) {\n    deleteOidcGroupMapping(id: $id)\n  }\n": typeof types.DeleteOidcGroupMappingDocument,
    "\n  fragment PerformanceJobFields on PerformanceJob {\n    id\n    name\n    metric\n    url\n    providerId\n    namespace\n    deployment\n    stack\n    playbook\n    stat\n    intervalSeconds\n    thresholds {\n      id\n      operator\n      value\n      severity\n      crossed\n    }\n    samples(minutes: $minutes) {\n      at\n      value\n      error\n    }\n  }\n": typeof types.PerformanceJobFieldsFragmentDoc,
    "\n  query PerformanceJobs($serviceId: ID!, $minutes: Int!) {\n    performanceJobs(serviceId: $serviceId) {\n      ...PerformanceJobFields\n    }\n  }\n": typeof types.PerformanceJobsDocument,
    "\n  query ProviderPerformanceJobs($providerId: ID!, $minutes: Int!) {\n    providerPerformanceJobs(providerId: $providerId) {\n      ...PerformanceJobFields\n    }\n  }\n": typeof types.ProviderPerformanceJobsDocument,
    "\n  mutation CreatePerformanceJob($input: CreatePerformanceJobInput!) {\n    createPerformanceJob(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePerformanceJobDocument,
    "\n  mutation CreateProviderPerformanceJob($input: CreateProviderPerformanceJobInput!) {\n    createProviderPerformanceJob(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateProviderPerformanceJobDocument,
    "\n  mutation DeletePerformanceJob($id: ID!) {\n    deletePerformanceJob(id: $id)\n  }\n": typeof types.DeletePerformanceJobDocument,
    "\n  mutation CreatePerformanceThreshold($input: CreatePerformanceThresholdInput!) {\n    createPerformanceThreshold(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePerformanceThresholdDocument,
    "\n  mutation DeletePerformanceThreshold($id: ID!) {\n    deletePerformanceThreshold(id: $id)\n  }\n": typeof types.DeletePerformanceThresholdDocument,
    "\n  fragment ProviderFields on Provider {\n    id\n    name\n    type\n    config\n    credentialId\n    becomeCredentialId\n    healthStatus\n    healthMessage\n    healthCheckedAt\n    createdAt\n    tenantId\n    sharedWith\n  }\n": typeof types.ProviderFieldsFragmentDoc,
    "\n  fragment ProviderHealthFields on ProviderHealthCheck {\n    providerId\n    status\n    message\n    latencyMs\n    changed\n    checkedAt\n  }\n": typeof types.ProviderHealthFieldsFragmentDoc,
    "\n  fragment ProviderDetailFields on Provider {\n    ...ProviderFields\n    inventory\n    healthHistory(take: 50) {\n      ...ProviderHealthFields\n    }\n    resources {\n      __typename\n      ... on KubernetesResources {\n        namespaces\n        deployments {\n          namespace\n          name\n          replicas\n          ready\n        }\n        services {\n          namespace\n          name\n          type\n          address\n          ports\n        }\n      }\n      ... on OpenStackResources {\n        stacks {\n          id\n          name\n          status\n          reason\n          createdAt\n        }\n        servers {\n          id\n          name\n          status\n          addresses\n        }\n        missing\n      }\n    }\n    resourcesRefreshedAt\n  }\n": typeof types.ProviderDetailFieldsFragmentDoc,
    "\n  query Providers {\n    providers {\n      ...ProviderFields\n    }\n  }\n": typeof types.ProvidersDocument,
    "\n  query Provider($id: ID!) {\n    provider(id: $id) {\n      ...ProviderDetailFields\n    }\n  }\n": typeof types.ProviderDocument,
    "\n  mutation CreateProvider($input: ProviderInput!) {\n    createProvider(input: $input) {\n      ...ProviderFields\n    }\n  }\n": typeof types.CreateProviderDocument,
    "\n  mutation UpdateProvider($id: ID!, $input: ProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderDetailFields\n    }\n  }\n": typeof types.UpdateProviderDocument,
    "\n  mutation DeleteProvider($id: ID!) {\n    deleteProvider(id: $id)\n  }\n": typeof types.DeleteProviderDocument,
    "\n  mutation CheckProviderHealth($id: ID!) {\n    checkProviderHealth(id: $id) {\n      ...ProviderDetailFields\n    }\n  }\n": typeof types.CheckProviderHealthDocument,
    "\n  mutation RefreshProviderResources($id: ID!) {\n    refreshProviderResources(id: $id) {\n      ...ProviderDetailFields\n    }\n  }\n": typeof types.RefreshProviderResourcesDocument,
    "\n  mutation ShareProvider($id: ID!, $tenantIds: [ID!]!) {\n    shareProvider(id: $id, tenantIds: $tenantIds) {\n      ...ProviderDetailFields\n    }\n  }\n": typeof types.ShareProviderDocument,
    "\n  query ProviderAlarms($take: Int!) {\n    providerAlarms(take: $take) {\n      ...ProviderHealthFields\n    }\n  }\n": typeof types.ProviderAlarmsDocument,
    "\n  query Queues {\n    queues {\n      name\n      waiting\n      active\n      delayed\n      prioritized\n      failed\n      completed\n      oldestWaitingSince\n      oldestWaitingSeconds\n      workers {\n        name\n        address\n        connectedSeconds\n        idleSeconds\n      }\n    }\n  }\n": typeof types.QueuesDocument,
    "\n  query FailedQueueJobs($queue: QueueName!, $take: Int) {\n    failedQueueJobs(queue: $queue, take: $take) {\n      queue\n      id\n      name\n      error\n      attempts\n      queuedAt\n      failedAt\n    }\n  }\n": typeof types.FailedQueueJobsDocument,
    "\n  mutation RetryQueueJob($queue: QueueName!, $id: String!) {\n    retryQueueJob(queue: $queue, id: $id)\n  }\n": typeof types.RetryQueueJobDocument,
    "\n  fragment QuotaFields on Quota {\n    id\n    dimension\n    limit\n    used\n    tenant {\n      id\n      name\n    }\n    user {\n      id\n      username\n    }\n  }\n": typeof types.QuotaFieldsFragmentDoc,
    "\n  query Quotas($tenantId: ID, $userId: ID) {\n    quotas(tenantId: $tenantId, userId: $userId) {\n      ...QuotaFields\n    }\n  }\n": typeof types.QuotasDocument,
    "\n  query MyQuotas {\n    myQuotas {\n      ...QuotaFields\n    }\n  }\n": typeof types.MyQuotasDocument,
    "\n  mutation SetQuota($input: QuotaInput!) {\n    setQuota(input: $input) {\n      ...QuotaFields\n    }\n  }\n": typeof types.SetQuotaDocument,
    "\n  mutation DeleteQuota($id: ID!) {\n    deleteQuota(id: $id)\n  }\n": typeof types.DeleteQuotaDocument,
    "\n  fragment ScheduledOperationFields on ScheduledOperation {\n    id\n    name\n    action\n    templateId\n    serviceId\n    targetName\n    runAt\n    cron\n    timezone\n    enabled\n    nextRunAt\n    lastRunAt\n    lastRequestId\n    lastError\n    runCount\n    createdAt\n  }\n": typeof types.ScheduledOperationFieldsFragmentDoc,
    "\n  query ScheduledOperations($serviceId: ID, $skip: Int, $take: Int) {\n    scheduledOperations(serviceId: $serviceId, skip: $skip, take: $take) {\n      ...ScheduledOperationFields\n    }\n    scheduledOperationsCount(serviceId: $serviceId)\n  }\n": typeof types.ScheduledOperationsDocument,
    "\n  query ScheduledOperation($id: ID!) {\n    scheduledOperation(id: $id) {\n      ...ScheduledOperationFields\n    }\n  }\n": typeof types.ScheduledOperationDocument,
    "\n  mutation CreateScheduledOperation($input: CreateScheduledOperationInput!) {\n    createScheduledOperation(input: $input) {\n      ...ScheduledOperationFields\n    }\n  }\n": typeof types.CreateScheduledOperationDocument,
    "\n  mutation UpdateScheduledOperation($id: ID!, $input: UpdateScheduledOperationInput!) {\n    updateScheduledOperation(id: $id, input: $input) {\n      ...ScheduledOperationFields\n    }\n  }\n": typeof types.UpdateScheduledOperationDocument,
    "\n  mutation DeleteScheduledOperation($id: ID!) {\n    deleteScheduledOperation(id: $id)\n  }\n": typeof types.DeleteScheduledOperationDocument,
    "\n  fragment JobFields on Job {\n    id\n    status\n    playbook\n    commit\n    returnCode\n    startedAt\n    finishedAt\n    cancelRequestedAt\n    artifacts\n    eventCount\n    eventsEmitted\n    eventsComplete\n    outputPurgedAt\n    hostSummaries {\n      host\n      ok\n      changed\n      failures\n      unreachable\n      skipped\n      rescued\n      ignored\n    }\n  }\n": typeof types.JobFieldsFragmentDoc,
    "\n  fragment JobEventFields on JobEvent {\n    seq\n    event\n    host\n    task\n    play\n    changed\n    failed\n    stdout\n    createdAt\n  }\n": typeof types.JobEventFieldsFragmentDoc,
    "\n  fragment RequestBundleFields on ServiceRequest {\n    state\n    stateAttempt\n    transitions {\n      state\n      event\n      attempt\n      message\n      at\n    }\n    items {\n      id\n      name\n      index\n      site\n      status\n      jobId\n      playbook\n      commit\n      outputs\n      message\n      startedAt\n      finishedAt\n    }\n  }\n": typeof types.RequestBundleFieldsFragmentDoc,
    "\n  fragment RequestListFields on ServiceRequest {\n    id\n    status\n    action\n    tenantId\n    message\n    createdAt\n    updatedAt\n    finishedAt\n    dialogValues\n    ...RequestBundleFields\n    template {\n      id\n      name\n      type\n    }\n    requester {\n      id\n      username\n    }\n    jobs {\n      ...JobFields\n    }\n    service {\n      id\n      name\n      status\n    }\n  }\n": typeof types.RequestListFieldsFragmentDoc,
    "\n  fragment RequestFields on ServiceRequest {\n    ...RequestListFields\n    scheduledBy {\n      id\n      name\n    }\n    machine {\n      name\n      states {\n        name\n        method\n      }\n      action\n      serviceId\n      rollbackOf\n      onFailure\n    }\n    template {\n      id\n      name\n      type\n      dialog\n    }\n    ...RequestApprovalFields\n  }\n": typeof types.RequestFieldsFragmentDoc,
    "\n  query ServiceRequests($skip: Int, $take: Int, $filter: ServiceRequestFilter, $sort: ServiceRequestSort) {\n    serviceRequests(skip: $skip, take: $take, filter: $filter, sort: $sort) {\n      ...RequestListFields\n    }\n    serviceRequestCount(filter: $filter)\n  }\n": typeof types.ServiceRequestsDocument,
    "\n  query RequestFilterChoices {\n    serviceRequestFilterChoices {\n      requesters {\n        id\n        username\n      }\n      tenants {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RequestFilterChoicesDocument,
    "\n  query ServiceRequest($id: ID!) {\n    serviceRequest(id: $id) {\n      ...RequestFields\n    }\n  }\n": typeof types.ServiceRequestDocument,
    "\n  mutation OrderService($input: OrderServiceInput!) {\n    orderService(input: $input) {\n      ...RequestFields\n    }\n  }\n": typeof types.OrderServiceDocument,
    "\n  mutation PreviewOrder($input: OrderServiceInput!) {\n    previewOrder(input: $input) {\n      ...RequestFields\n    }\n  }\n": typeof types.PreviewOrderDocument,
    "\n  mutation ReconfigureService($id: ID!, $values: JSON!) {\n    reconfigureService(id: $id, dialogValues: $values) {\n      ...RequestFields\n    }\n  }\n": typeof types.ReconfigureServiceDocument,
    "\n  mutation ResumeServiceRequest($id: ID!) {\n    resumeServiceRequest(id: $id) {\n      ...RequestFields\n    }\n  }\n": typeof types.ResumeServiceRequestDocument,
    "\n  mutation CancelServiceRequest($id: ID!) {\n    cancelServiceRequest(id: $id) {\n      ...RequestFields\n    }\n  }\n": typeof types.CancelServiceRequestDocument,
    "\n  query Job($id: ID!) {\n    job(id: $id) {\n      ...JobFields\n      stdout\n    }\n  }\n": typeof types.JobDocument,
    "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      ...JobFields\n    }\n  }\n": typeof types.CancelJobDocument,
    "\n  query JobEvents($id: ID!, $afterSeq: Int) {\n    job(id: $id) {\n      events(afterSeq: $afterSeq, limit: 1000) {\n        ...JobEventFields\n      }\n    }\n  }\n": typeof types.JobEventsDocument,
    "\n  subscription ServiceRequestUpdated($id: ID!) {\n    serviceRequestUpdated(id: $id) {\n      ...RequestFields\n    }\n  }\n": typeof types.ServiceRequestUpdatedDocument,
    "\n  subscription JobLog($jobId: ID!, $offset: Int) {\n    jobLog(jobId: $jobId, offset: $offset) {\n      offset\n      text\n    }\n  }\n": typeof types.JobLogDocument,
    "\n  subscription JobEventsLive($jobId: ID!, $afterSeq: Int) {\n    jobEvents(jobId: $jobId, afterSeq: $afterSeq) {\n      ...JobEventFields\n    }\n  }\n": typeof types.JobEventsLiveDocument,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    status\n    outputs\n    createdAt\n    providerIds\n    retiresAt\n    maxRetiresAt\n    retirementWarnDays\n    retirementWarnedAt\n    owner {\n      id\n      username\n    }\n    request {\n      id\n      status\n      template {\n        id\n        name\n      }\n    }\n    configuration {\n      dialog\n      values\n      reconfigurableFields\n    }\n  }\n": typeof types.ServiceFieldsFragmentDoc,
    "\n  query Services($skip: Int, $take: Int, $filter: ServiceFilter, $sort: ServiceSort) {\n    services(skip: $skip, take: $take, filter: $filter, sort: $sort) {\n      ...ServiceFields\n    }\n    serviceCount(filter: $filter)\n  }\n": typeof types.ServicesDocument,
    "\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceFields\n      retirementPlaybooks\n      placements {\n        site\n        providerId\n        providerTypes\n      }\n      requests {\n        id\n        status\n        action\n        createdAt\n        finishedAt\n        requester {\n          id\n          username\n        }\n      }\n    }\n  }\n": typeof types.ServiceDocument,
    "\n  mutation ExtendServiceRetirement($id: ID!, $retiresAt: DateTime!) {\n    extendServiceRetirement(id: $id, retiresAt: $retiresAt) {\n      id\n      retiresAt\n      retirementWarnedAt\n    }\n  }\n": typeof types.ExtendServiceRetirementDocument,
    "\n  mutation RetireService($id: ID!) {\n    retireService(id: $id) {\n      ...RequestFields\n    }\n  }\n": typeof types.RetireServiceDocument,
    "\n  mutation ForceRetireService($id: ID!, $reason: String!) {\n    forceRetireService(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.ForceRetireServiceDocument,
    "\n  mutation HealService($id: ID!) {\n    healService(id: $id) {\n      ...RequestFields\n    }\n  }\n": typeof types.HealServiceDocument,
    "\n  mutation MigrateService($id: ID!, $placements: [PlacementInput!]!) {\n    migrateService(id: $id, placements: $placements) {\n      ...RequestFields\n    }\n  }\n": typeof types.MigrateServiceDocument,
    "\n  mutation DeleteService($id: ID!) {\n    deleteService(id: $id)\n  }\n": typeof types.DeleteServiceDocument,
    "\n  fragment TemplateEditorFields on ServiceTemplate {\n    id\n    name\n    description\n    catalog\n    type\n    published\n    source\n    definition\n    tenantId\n    sharedWith\n  }\n": typeof types.TemplateEditorFieldsFragmentDoc,
    "\n  query TemplatesPage($search: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, unpublished: true, skip: $skip, take: $take) {\n      ...TemplateEditorFields\n    }\n    serviceTemplateCount(search: $search, unpublished: true)\n  }\n": typeof types.TemplatesPageDocument,
    "\n  query Template($id: ID!) {\n    serviceTemplate(id: $id, unpublished: true) {\n      ...TemplateEditorFields\n    }\n  }\n": typeof types.TemplateDocument,
    "\n  mutation SaveServiceTemplate($i: ServiceTemplateInput!) {\n    saveServiceTemplate(input: $i) {\n      ...TemplateEditorFields\n    }\n  }\n": typeof types.SaveServiceTemplateDocument,
    "\n  mutation DeleteServiceTemplate($id: ID!) {\n    deleteServiceTemplate(id: $id)\n  }\n": typeof types.DeleteServiceTemplateDocument,
    "\n  mutation ShareServiceTemplate($id: ID!, $tenantIds: [ID!]!) {\n    shareServiceTemplate(id: $id, tenantIds: $tenantIds) {\n      ...TemplateEditorFields\n    }\n  }\n": typeof types.ShareServiceTemplateDocument,
    "\n  query StateMachines {\n    stateMachines {\n      name\n      description\n      states\n    }\n  }\n": typeof types.StateMachinesDocument,
    "\n  fragment TenantFields on Tenant {\n    id\n    name\n    description\n    parentId\n    createdAt\n  }\n": typeof types.TenantFieldsFragmentDoc,
    "\n  query Tenants {\n    tenants {\n      ...TenantFields\n    }\n  }\n": typeof types.TenantsDocument,
    "\n  mutation CreateTenant($input: TenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: TenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n": typeof types.UpdateTenantDocument,
    "\n  mutation DeleteTenant($id: ID!) {\n    deleteTenant(id: $id)\n  }\n": typeof types.DeleteTenantDocument,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    email\n    disabled\n    mustChangePassword\n    roles\n    groups {\n      id\n      name\n    }\n    tenant {\n      id\n      name\n    }\n    createdAt\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": typeof types.DeleteUserDocument,
    "\n  mutation ResetUserPassword($id: ID!, $password: String!) {\n    resetUserPassword(id: $id, password: $password) {\n      ...UserFields\n    }\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  fragment VnfPackageFields on VnfPackage {\n    id\n    name\n    repoId\n    repoName\n    path\n    vnfdId\n    provider\n    productName\n    softwareVersion\n    vnfdVersion\n    commit\n    onboardingState\n    operationalState\n    usageState\n    usedBy\n    deletionState\n    deleted\n    artifacts {\n      path\n      size\n      sha256\n    }\n    createdAt\n    updatedAt\n  }\n": typeof types.VnfPackageFieldsFragmentDoc,
    "\n  fragment VnfPackageDetailFields on VnfPackage {\n    ...VnfPackageFields\n    vdus {\n      vduId\n      name\n      description\n      vduParent\n      parentMandatory\n      bareMetal\n      technology\n      image\n      descriptors\n      depth\n    }\n    connectionPoints {\n      cpdId\n      kind\n      of\n      exposedPods\n      ports {\n        name\n        port\n        protocol\n        targetPort\n      }\n    }\n  }\n": typeof types.VnfPackageDetailFieldsFragmentDoc,
    "\n  query VnfPackages($filter: VnfPackageFilterInput) {\n    vnfPackages(filter: $filter) {\n      ...VnfPackageFields\n    }\n  }\n": typeof types.VnfPackagesDocument,
    "\n  query VnfPackage($id: ID!) {\n    vnfPackage(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n": typeof types.VnfPackageDocument,
    "\n  mutation EnableVnfPackage($id: ID!) {\n    enableVnfPackage(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n": typeof types.EnableVnfPackageDocument,
    "\n  mutation DisableVnfPackage($id: ID!) {\n    disableVnfPackage(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n": typeof types.DisableVnfPackageDocument,
    "\n  mutation DeleteVnfPackage($id: ID!) {\n    deleteVnfPackage(id: $id) {\n      ...VnfPackageFields\n    }\n  }\n": typeof types.DeleteVnfPackageDocument,
    "\n  mutation AbortVnfPackageDeletion($id: ID!) {\n    abortVnfPackageDeletion(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n": typeof types.AbortVnfPackageDeletionDocument,
    "\n  query VnfPackageArtifact($id: ID!, $path: String!) {\n    vnfPackageArtifact(id: $id, path: $path) {\n      path\n      size\n      sha256\n      encoding\n      content\n    }\n  }\n": typeof types.VnfPackageArtifactDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    tenantId\n    name\n    url\n    enabled\n    createdAt\n    secretRotatedAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment NotificationDeliveryFields on NotificationDelivery {\n    id\n    eventType\n    title\n    channel\n    status\n    attempts\n    responseCode\n    lastError\n    nextAttemptAt\n    deliveredAt\n    createdAt\n  }\n": typeof types.NotificationDeliveryFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointUpdate!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $skip: Int, $take: Int) {\n    webhookDeliveries(endpointId: $endpointId, skip: $skip, take: $take) {\n      ...NotificationDeliveryFields\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation ResendWebhookDelivery($id: ID!) {\n    resendWebhookDelivery(id: $id) {\n      ...NotificationDeliveryFields\n    }\n  }\n": typeof types.ResendWebhookDeliveryDocument,
};
const documents: Documents = {
    "\n  query SsoProviders {\n    ssoProviders {\n      name\n      loginUrl\n    }\n  }\n": types.SsoProvidersDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      id\n      mustChangePassword\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  fragment AlarmFields on Alarm {\n    id\n    kind\n    severity\n    objectType\n    objectId\n    tenantId\n    message\n    raisedAt\n    acknowledgedAt\n    acknowledgedBy\n    clearedAt\n    clearReason\n  }\n": types.AlarmFieldsFragmentDoc,
    "\n  query Alarms($filter: AlarmFilter, $skip: Int, $take: Int) {\n    alarms(filter: $filter, skip: $skip, take: $take) {\n      ...AlarmFields\n    }\n    alarmCount(filter: $filter)\n  }\n": types.AlarmsDocument,
    "\n  query Alarm($id: ID!) {\n    alarm(id: $id) {\n      ...AlarmFields\n    }\n  }\n": types.AlarmDocument,
    "\n  mutation AcknowledgeAlarm($id: ID!) {\n    acknowledgeAlarm(id: $id) {\n      ...AlarmFields\n    }\n  }\n": types.AcknowledgeAlarmDocument,
    "\n  mutation ClearAlarm($id: ID!) {\n    clearAlarm(id: $id) {\n      ...AlarmFields\n    }\n  }\n": types.ClearAlarmDocument,
    "\n  subscription OpenAlarmCount {\n    openAlarmCount\n  }\n": types.OpenAlarmCountDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    createdAt\n    expiresAt\n    lastUsedAt\n    scopes\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($name: String!, $expiresInDays: Int, $scopes: [String!]) {\n    createApiToken(name: $name, expiresInDays: $expiresInDays, scopes: $scopes) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment RequestApprovalFields on ServiceRequest {\n    approval {\n      approvals\n      reason\n      timeoutHours\n      deadline\n      canDecide\n      approvers {\n        id\n        username\n      }\n      decisions {\n        approverId\n        approverName\n        decision\n        reason\n        at\n      }\n    }\n  }\n": types.RequestApprovalFieldsFragmentDoc,
    "\n  query ApprovalInbox($skip: Int, $take: Int) {\n    approvalInbox(skip: $skip, take: $take) {\n      total\n      requests {\n        ...RequestListFields\n        ...RequestApprovalFields\n      }\n    }\n  }\n": types.ApprovalInboxDocument,
    "\n  mutation ApproveServiceRequest($id: ID!, $reason: String) {\n    approveServiceRequest(id: $id, reason: $reason) {\n      ...RequestFields\n    }\n  }\n": types.ApproveServiceRequestDocument,
    "\n  mutation DenyServiceRequest($id: ID!, $reason: String!) {\n    denyServiceRequest(id: $id, reason: $reason) {\n      ...RequestFields\n    }\n  }\n": types.DenyServiceRequestDocument,
    "\n  subscription ApprovalInboxCount {\n    approvalInboxCount\n  }\n": types.ApprovalInboxCountDocument,
    "\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    actorId\n    actorName\n    action\n    objectType\n    objectId\n    outcome\n    errorCode\n    message\n    ip\n    details\n  }\n": types.AuditEventFieldsFragmentDoc,
    "\n  query AuditEvents($filter: AuditFilter, $skip: Int, $take: Int) {\n    auditEvents(filter: $filter, skip: $skip, take: $take) {\n      ...AuditEventFields\n    }\n    auditEventCount(filter: $filter)\n  }\n": types.AuditEventsDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        id\n        username\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      roles\n      mustChangePassword\n      tenant {\n        id\n        name\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query MyPermissions {\n    myPermissions\n  }\n": types.MyPermissionsDocument,
    "\n  fragment CatalogCardFields on ServiceTemplate {\n    id\n    name\n    description\n    catalog\n    icon\n    published\n    type\n  }\n": types.CatalogCardFieldsFragmentDoc,
    "\n  fragment CatalogItemFields on ServiceTemplate {\n    id\n    name\n    description\n    catalog\n    longDescription\n    icon\n    published\n    type\n    dialog\n    orderOptions\n    lifetime\n    approval {\n      mode\n      approvals\n      timeoutHours\n    }\n  }\n": types.CatalogItemFieldsFragmentDoc,
    "\n  query CatalogPage($search: String, $catalog: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, catalog: $catalog, skip: $skip, take: $take) {\n      ...CatalogCardFields\n    }\n    serviceTemplateCount(search: $search, catalog: $catalog)\n  }\n": types.CatalogPageDocument,
    "\n  query CatalogItem($id: ID!) {\n    serviceTemplate(id: $id) {\n      ...CatalogItemFields\n    }\n  }\n": types.CatalogItemDocument,
    "\n  query ServiceCatalogs {\n    serviceCatalogs {\n      name\n      count\n    }\n  }\n": types.ServiceCatalogsDocument,
    "\n  fragment CredentialFields on Credential {\n    id\n    name\n    type\n    inputs\n    secretFields\n    createdAt\n    updatedAt\n  }\n": types.CredentialFieldsFragmentDoc,
    "\n  query Credentials {\n    credentials {\n      ...CredentialFields\n    }\n  }\n": types.CredentialsDocument,
    "\n  query Credential($id: ID!) {\n    credential(id: $id) {\n      ...CredentialFields\n    }\n  }\n": types.CredentialDocument,
    "\n  query CredentialTypes {\n    credentialTypes {\n      name\n      label\n      description\n      fields {\n        name\n        label\n        secret\n        required\n        multiline\n        help\n      }\n    }\n  }\n": types.CredentialTypesDocument,
    "\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) {\n      ...CredentialFields\n    }\n  }\n": types.CreateCredentialDocument,
    "\n  mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) {\n    updateCredential(id: $id, input: $input) {\n      ...CredentialFields\n    }\n  }\n": types.UpdateCredentialDocument,
    "\n  mutation DeleteCredential($id: ID!) {\n    deleteCredential(id: $id)\n  }\n": types.DeleteCredentialDocument,
    "\n  query Dashboard($days: Int, $timeZone: String) {\n    dashboard(days: $days, timeZone: $timeZone) {\n      days\n      timeZone\n      firstDay\n      lastDay\n      ordersPerDay {\n        day\n        total\n        finished\n        failed\n        stopped\n        open\n      }\n      orders\n      finished\n      failed\n      successRate\n      items {\n        ...DashboardItemFields\n      }\n      failingItems {\n        ...DashboardItemFields\n      }\n      pendingApprovals\n      runningJobs\n      runningRequests\n      providerHealth {\n        providerId\n        name\n        type\n        status\n        days {\n          day\n          checks\n          up\n        }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment DashboardItemFields on DashboardItem {\n    templateId\n    template {\n      name\n    }\n    total\n    finished\n    failed\n    durationP50Seconds\n    durationP95Seconds\n  }\n": types.DashboardItemFieldsFragmentDoc,
    "\n  fragment DialogFields on Dialog {\n    id\n    name\n    label\n    description\n    origin\n    updatedAt\n    tenantId\n    sharedWith\n    fields {\n      name\n      label\n      type\n      required\n      dynamic\n      pending\n      dependsOn\n      boundFrom\n    }\n  }\n": types.DialogFieldsFragmentDoc,
    "\n  fragment DialogDetailFields on Dialog {\n    ...DialogFields\n    form\n    definition\n  }\n": types.DialogDetailFieldsFragmentDoc,
    "\n  query Dialogs {\n    dialogs {\n      ...DialogFields\n    }\n  }\n": types.DialogsDocument,
    "\n  query Dialog($id: ID!) {\n    dialog(id: $id) {\n      ...DialogDetailFields\n    }\n  }\n": types.DialogDocument,
    "\n  mutation DeleteDialog($id: ID!) {\n    deleteDialog(id: $id)\n  }\n": types.DeleteDialogDocument,
    "\n  mutation ImportDialog($f: DialogImportFormat!, $c: String!, $n: String) {\n    importDialog(format: $f, content: $c, name: $n) {\n      ...DialogFields\n      importWarnings\n    }\n  }\n": types.ImportDialogDocument,
    "\n  mutation SaveDialog($d: JSON!) {\n    saveDialog(definition: $d) {\n      ...DialogDetailFields\n    }\n  }\n": types.SaveDialogDocument,
    "\n  mutation BindDialogField($id: ID!, $f: String!, $s: JSON, $d: [String!]) {\n    bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) {\n      ...DialogDetailFields\n    }\n  }\n": types.BindDialogFieldDocument,
    "\n  mutation ShareDialog($id: ID!, $tenantIds: [ID!]!) {\n    shareDialog(id: $id, tenantIds: $tenantIds) {\n      ...DialogDetailFields\n    }\n  }\n": types.ShareDialogDocument,
    "\n  query RefreshDialogField($d: String!, $f: String!, $v: JSON!) {\n    refreshDialogField(dialog: $d, field: $f, values: $v) {\n      choices {\n        value\n        label\n      }\n      default\n    }\n  }\n": types.RefreshDialogFieldDocument,
    "\n  fragment GitRepoFields on GitRepo {\n    id\n    name\n    url\n    branch\n    commit\n    lastRefreshedAt\n    refreshStatus\n    refreshError\n    builtin\n    hosted\n    enabled\n    refreshMaxAgeSeconds\n    refreshIntervalSeconds\n    cloneUrl\n    webhookUrl\n    tenantId\n    sharedWith\n    credentialId\n    playbooks {\n      path\n      syntaxStatus\n      syntaxError\n    }\n  }\n": types.GitRepoFieldsFragmentDoc,
    "\n  fragment GitRefreshFields on GitRefresh {\n    id\n    status\n    commit\n    previousCommit\n    durationMs\n    error\n    added\n    changed\n    removed\n    startedAt\n    finishedAt\n  }\n": types.GitRefreshFieldsFragmentDoc,
    "\n  fragment GitRepoDetailFields on GitRepo {\n    ...GitRepoFields\n    refreshes(take: 20) {\n      ...GitRefreshFields\n    }\n  }\n": types.GitRepoDetailFieldsFragmentDoc,
    "\n  query GitRepos {\n    gitRepos {\n      ...GitRepoFields\n    }\n  }\n": types.GitReposDocument,
    "\n  query GitRepo($id: ID!) {\n    gitRepo(id: $id) {\n      ...GitRepoDetailFields\n    }\n  }\n": types.GitRepoDocument,
    "\n  mutation CreateGitRepo($input: CreateGitRepoInput!) {\n    createGitRepo(input: $input) {\n      ...GitRepoDetailFields\n    }\n  }\n": types.CreateGitRepoDocument,
    "\n  mutation UpdateGitRepo($id: ID!, $input: UpdateGitRepoInput!) {\n    updateGitRepo(id: $id, input: $input) {\n      ...GitRepoDetailFields\n    }\n  }\n": types.UpdateGitRepoDocument,
    "\n  mutation DeleteGitRepo($id: ID!) {\n    deleteGitRepo(id: $id)\n  }\n": types.DeleteGitRepoDocument,
    "\n  mutation RefreshGitRepo($id: ID!) {\n    refreshGitRepo(id: $id) {\n      ...GitRepoDetailFields\n    }\n  }\n": types.RefreshGitRepoDocument,
    "\n  mutation RefreshAllGitRepos {\n    refreshAllGitRepos {\n      ...GitRepoFields\n    }\n  }\n": types.RefreshAllGitReposDocument,
    "\n  mutation ShareGitRepo($id: ID!, $tenantIds: [ID!]!) {\n    shareGitRepo(id: $id, tenantIds: $tenantIds) {\n      ...GitRepoDetailFields\n    }\n  }\n": types.ShareGitRepoDocument,
    "\n  mutation EnableGitWebhook($id: ID!) {\n    enableGitWebhook(id: $id) {\n      url\n      secret\n    }\n  }\n": types.EnableGitWebhookDocument,
    "\n  mutation DisableGitWebhook($id: ID!) {\n    disableGitWebhook(id: $id) {\n      ...GitRepoDetailFields\n    }\n  }\n": types.DisableGitWebhookDocument,
    "\n  fragment GroupFields on Group {\n    id\n    name\n    description\n    roles\n    members {\n      id\n      username\n    }\n    tenant {\n      id\n      name\n    }\n    createdAt\n  }\n": types.GroupFieldsFragmentDoc,
    "\n  query Groups {\n    groups {\n      ...GroupFields\n    }\n  }\n": types.GroupsDocument,
    "\n  query Group($id: ID!) {\n    group(id: $id) {\n      ...GroupFields\n    }\n  }\n": types.GroupDocument,
    "\n  query Roles {\n    roles {\n      name\n      description\n      permissions\n    }\n  }\n": types.RolesDocument,
    "\n  mutation CreateGroup($input: GroupInput!) {\n    createGroup(input: $input) {\n      ...GroupFields\n    }\n  }\n": types.CreateGroupDocument,
    "\n  mutation UpdateGroup($id: ID!, $input: GroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      ...GroupFields\n    }\n  }\n": types.UpdateGroupDocument,
    "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n": types.DeleteGroupDocument,
    "\n  query Instances {\n    instances {\n      id\n      hostname\n      role\n      version\n      concurrency\n      runningJobs\n      startedAt\n      heartbeatAt\n      state\n    }\n  }\n": types.InstancesDocument,
    "\n  fragment InventoryFields on Inventory {\n    id\n    name\n    description\n    sites {\n      name\n      providerId\n      hosts\n      variables\n    }\n    createdAt\n    updatedAt\n    tenantId\n    sharedWith\n  }\n": types.InventoryFieldsFragmentDoc,
    "\n  fragment InventoryDetailFields on Inventory {\n    ...InventoryFields\n    rendered\n  }\n": types.InventoryDetailFieldsFragmentDoc,
    "\n  query Inventories {\n    inventories {\n      ...InventoryFields\n    }\n  }\n": types.InventoriesDocument,
    "\n  query Inventory($id: ID!) {\n    inventory(id: $id) {\n      ...InventoryDetailFields\n    }\n  }\n": types.InventoryDocument,
    "\n  mutation CreateInventory($input: InventoryInput!) {\n    createInventory(input: $input) {\n      ...InventoryDetailFields\n    }\n  }\n": types.CreateInventoryDocument,
    "\n  mutation UpdateInventory($id: ID!, $input: InventoryInput!) {\n    updateInventory(id: $id, input: $input) {\n      ...InventoryDetailFields\n    }\n  }\n": types.UpdateInventoryDocument,
    "\n  mutation ShareInventory($id: ID!, $tenantIds: [ID!]!) {\n    shareInventory(id: $id, tenantIds: $tenantIds) {\n      ...InventoryDetailFields\n    }\n  }\n": types.ShareInventoryDocument,
    "\n  mutation DeleteInventory($id: ID!) {\n    deleteInventory(id: $id)\n  }\n": types.DeleteInventoryDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    eventType\n    title\n    data\n    createdAt\n    readAt\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  fragment NotificationSubscriptionFields on NotificationSubscription {\n    id\n    eventTypes\n    channel\n    tenantId\n    endpointId\n    enabled\n    createdAt\n  }\n": types.NotificationSubscriptionFieldsFragmentDoc,
    "\n  query MyNotifications($unreadOnly: Boolean!, $skip: Int, $take: Int) {\n    myNotifications(unreadOnly: $unreadOnly, skip: $skip, take: $take) {\n      ...NotificationFields\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query NotificationSubscriptions {\n    notificationSubscriptions {\n      ...NotificationSubscriptionFields\n    }\n  }\n": types.NotificationSubscriptionsDocument,
    "\n  mutation SubscribeToNotifications($input: NotificationSubscriptionInput!) {\n    subscribeToNotifications(input: $input) {\n      ...NotificationSubscriptionFields\n    }\n  }\n": types.SubscribeToNotificationsDocument,
    "\n  mutation SetNotificationSubscriptionEnabled($id: ID!, $enabled: Boolean!) {\n    setNotificationSubscriptionEnabled(id: $id, enabled: $enabled) {\n      ...NotificationSubscriptionFields\n    }\n  }\n": types.SetNotificationSubscriptionEnabledDocument,
    "\n  mutation UnsubscribeFromNotifications($id: ID!) {\n    unsubscribeFromNotifications(id: $id)\n  }\n": types.UnsubscribeFromNotificationsDocument,
    "\n  fragment OidcGroupMappingFields on OidcGroupMapping {\n    id\n    claim\n    group {\n      id\n      name\n    }\n    tenant {\n      id\n      name\n    }\n    createdAt\n  }\n": types.OidcGroupMappingFieldsFragmentDoc,
    "\n  query OidcGroupMappings {\n    oidcGroupMappings {\n      ...OidcGroupMappingFields\n    }\n  }\n": types.OidcGroupMappingsDocument,
    "\n  mutation CreateOidcGroupMapping($claim: String!, $groupId: ID!) {\n    createOidcGroupMapping(claim: $claim, groupId: $groupId) {\n      ...OidcGroupMappingFields\n    }\n  }\n": types.CreateOidcGroupMappingDocument,
    "\n  mutation DeleteOidcGroupMapping($id: ID!) {\n    deleteOidcGroupMapping(id: $id)\n  }\n": types.DeleteOidcGroupMappingDocument,
    "\n  fragment PerformanceJobFields on PerformanceJob {\n    id\n    name\n    metric\n    url\n    providerId\n    namespace\n    deployment\n    stack\n    playbook\n    stat\n    intervalSeconds\n    thresholds {\n      id\n      operator\n      value\n      severity\n      crossed\n    }\n    samples(minutes: $minutes) {\n      at\n      value\n      error\n    }\n  }\n": types.PerformanceJobFieldsFragmentDoc,
    "\n  query PerformanceJobs($serviceId: ID!, $minutes: Int!) {\n    performanceJobs(serviceId: $serviceId) {\n      ...PerformanceJobFields\n    }\n  }\n": types.PerformanceJobsDocument,
    "\n  query ProviderPerformanceJobs($providerId: ID!, $minutes: Int!) {\n    providerPerformanceJobs(providerId: $providerId) {\n      ...PerformanceJobFields\n    }\n  }\n": types.ProviderPerformanceJobsDocument,
    "\n  mutation CreatePerformanceJob($input: CreatePerformanceJobInput!) {\n    createPerformanceJob(input: $input) {\n      id\n    }\n  }\n": types.CreatePerformanceJobDocument,
    "\n  mutation CreateProviderPerformanceJob($input: CreateProviderPerformanceJobInput!) {\n    createProviderPerformanceJob(input: $input) {\n      id\n    }\n  }\n": types.CreateProviderPerformanceJobDocument,
    "\n  mutation DeletePerformanceJob($id: ID!) {\n    deletePerformanceJob(id: $id)\n  }\n": types.DeletePerformanceJobDocument,
    "\n  mutation CreatePerformanceThreshold($input: CreatePerformanceThresholdInput!) {\n    createPerformanceThreshold(input: $input) {\n      id\n    }\n  }\n": types.CreatePerformanceThresholdDocument,
    "\n  mutation DeletePerformanceThreshold($id: ID!) {\n    deletePerformanceThreshold(id: $id)\n  }\n": types.DeletePerformanceThresholdDocument,
    "\n  fragment ProviderFields on Provider {\n    id\n    name\n    type\n    config\n    credentialId\n    becomeCredentialId\n    healthStatus\n    healthMessage\n    healthCheckedAt\n    createdAt\n    tenantId\n    sharedWith\n  }\n": types.ProviderFieldsFragmentDoc,
    "\n  fragment ProviderHealthFields on ProviderHealthCheck {\n    providerId\n    status\n    message\n    latencyMs\n    changed\n    checkedAt\n  }\n": types.ProviderHealthFieldsFragmentDoc,
    "\n  fragment ProviderDetailFields on Provider {\n    ...ProviderFields\n    inventory\n    healthHistory(take: 50) {\n      ...ProviderHealthFields\n    }\n    resources {\n      __typename\n      ... on KubernetesResources {\n        namespaces\n        deployments {\n          namespace\n          name\n          replicas\n          ready\n        }\n        services {\n          namespace\n          name\n          type\n          address\n          ports\n        }\n      }\n      ... on OpenStackResources {\n        stacks {\n          id\n          name\n          status\n          reason\n          createdAt\n        }\n        servers {\n          id\n          name\n          status\n          addresses\n        }\n        missing\n      }\n    }\n    resourcesRefreshedAt\n  }\n": types.ProviderDetailFieldsFragmentDoc,
    "\n  query Providers {\n    providers {\n      ...ProviderFields\n    }\n  }\n": types.ProvidersDocument,
    "\n  query Provider($id: ID!) {\n    provider(id: $id) {\n      ...ProviderDetailFields\n    }\n  }\n": types.ProviderDocument,
    "\n  mutation CreateProvider($input: ProviderInput!) {\n    createProvider(input: $input) {\n      ...ProviderFields\n    }\n  }\n": types.CreateProviderDocument,
    "\n  mutation UpdateProvider($id: ID!, $input: ProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderDetailFields\n    }\n  }\n": types.UpdateProviderDocument,
    "\n  mutation DeleteProvider($id: ID!) {\n    deleteProvider(id: $id)\n  }\n": types.DeleteProviderDocument,
    "\n  mutation CheckProviderHealth($id: ID!) {\n    checkProviderHealth(id: $id) {\n      ...ProviderDetailFields\n    }\n  }\n": types.CheckProviderHealthDocument,
    "\n  mutation RefreshProviderResources($id: ID!) {\n    refreshProviderResources(id: $id) {\n      ...ProviderDetailFields\n    }\n  }\n": types.RefreshProviderResourcesDocument,
    "\n  mutation ShareProvider($id: ID!, $tenantIds: [ID!]!) {\n    shareProvider(id: $id, tenantIds: $tenantIds) {\n      ...ProviderDetailFields\n    }\n  }\n": types.ShareProviderDocument,
    "\n  query ProviderAlarms($take: Int!) {\n    providerAlarms(take: $take) {\n      ...ProviderHealthFields\n    }\n  }\n": types.ProviderAlarmsDocument,
    "\n  query Queues {\n    queues {\n      name\n      waiting\n      active\n      delayed\n      prioritized\n      failed\n      completed\n      oldestWaitingSince\n      oldestWaitingSeconds\n      workers {\n        name\n        address\n        connectedSeconds\n        idleSeconds\n      }\n    }\n  }\n": types.QueuesDocument,
    "\n  query FailedQueueJobs($queue: QueueName!, $take: Int) {\n    failedQueueJobs(queue: $queue, take: $take) {\n      queue\n      id\n      name\n      error\n      attempts\n      queuedAt\n      failedAt\n    }\n  }\n": types.FailedQueueJobsDocument,
    "\n  mutation RetryQueueJob($queue: QueueName!, $id: String!) {\n    retryQueueJob(queue: $queue, id: $id)\n  }\n": types.RetryQueueJobDocument,
    "\n  fragment QuotaFields on Quota {\n    id\n    dimension\n    limit\n    used\n    tenant {\n      id\n      name\n    }\n    user {\n      id\n      username\n    }\n  }\n": types.QuotaFieldsFragmentDoc,
    "\n  query Quotas($tenantId: ID, $userId: ID) {\n    quotas(tenantId: $tenantId, userId: $userId) {\n      ...QuotaFields\n    }\n  }\n": types.QuotasDocument,
    "\n  query MyQuotas {\n    myQuotas {\n      ...QuotaFields\n    }\n  }\n": types.MyQuotasDocument,
    "\n  mutation SetQuota($input: QuotaInput!) {\n    setQuota(input: $input) {\n      ...QuotaFields\n    }\n  }\n": types.SetQuotaDocument,
    "\n  mutation DeleteQuota($id: ID!) {\n    deleteQuota(id: $id)\n  }\n": types.DeleteQuotaDocument,
    "\n  fragment ScheduledOperationFields on ScheduledOperation {\n    id\n    name\n    action\n    templateId\n    serviceId\n    targetName\n    runAt\n    cron\n    timezone\n    enabled\n    nextRunAt\n    lastRunAt\n    lastRequestId\n    lastError\n    runCount\n    createdAt\n  }\n": types.ScheduledOperationFieldsFragmentDoc,
    "\n  query ScheduledOperations($serviceId: ID, $skip: Int, $take: Int) {\n    scheduledOperations(serviceId: $serviceId, skip: $skip, take: $take) {\n      ...ScheduledOperationFields\n    }\n    scheduledOperationsCount(serviceId: $serviceId)\n  }\n": types.ScheduledOperationsDocument,
    "\n  query ScheduledOperation($id: ID!) {\n    scheduledOperation(id: $id) {\n      ...ScheduledOperationFields\n    }\n  }\n": types.ScheduledOperationDocument,
    "\n  mutation CreateScheduledOperation($input: CreateScheduledOperationInput!) {\n    createScheduledOperation(input: $input) {\n      ...ScheduledOperationFields\n    }\n  }\n": types.CreateScheduledOperationDocument,
    "\n  mutation UpdateScheduledOperation($id: ID!, $input: UpdateScheduledOperationInput!) {\n    updateScheduledOperation(id: $id, input: $input) {\n      ...ScheduledOperationFields\n    }\n  }\n": types.UpdateScheduledOperationDocument,
    "\n  mutation DeleteScheduledOperation($id: ID!) {\n    deleteScheduledOperation(id: $id)\n  }\n": types.DeleteScheduledOperationDocument,
    "\n  fragment JobFields on Job {\n    id\n    status\n    playbook\n    commit\n    returnCode\n    startedAt\n    finishedAt\n    cancelRequestedAt\n    artifacts\n    eventCount\n    eventsEmitted\n    eventsComplete\n    outputPurgedAt\n    hostSummaries {\n      host\n      ok\n      changed\n      failures\n      unreachable\n      skipped\n      rescued\n      ignored\n    }\n  }\n": types.JobFieldsFragmentDoc,
    "\n  fragment JobEventFields on JobEvent {\n    seq\n    event\n    host\n    task\n    play\n    changed\n    failed\n    stdout\n    createdAt\n  }\n": types.JobEventFieldsFragmentDoc,
    "\n  fragment RequestBundleFields on ServiceRequest {\n    state\n    stateAttempt\n    transitions {\n      state\n      event\n      attempt\n      message\n      at\n    }\n    items {\n      id\n      name\n      index\n      site\n      status\n      jobId\n      playbook\n      commit\n      outputs\n      message\n      startedAt\n      finishedAt\n    }\n  }\n": types.RequestBundleFieldsFragmentDoc,
    "\n  fragment RequestListFields on ServiceRequest {\n    id\n    status\n    action\n    tenantId\n    message\n    createdAt\n    updatedAt\n    finishedAt\n    dialogValues\n    ...RequestBundleFields\n    template {\n      id\n      name\n      type\n    }\n    requester {\n      id\n      username\n    }\n    jobs {\n      ...JobFields\n    }\n    service {\n      id\n      name\n      status\n    }\n  }\n": types.RequestListFieldsFragmentDoc,
    "\n  fragment RequestFields on ServiceRequest {\n    ...RequestListFields\n    scheduledBy {\n      id\n      name\n    }\n    machine {\n      name\n      states {\n        name\n        method\n      }\n      action\n      serviceId\n      rollbackOf\n      onFailure\n    }\n    template {\n      id\n      name\n      type\n      dialog\n    }\n    ...RequestApprovalFields\n  }\n": types.RequestFieldsFragmentDoc,
    "\n  query ServiceRequests($skip: Int, $take: Int, $filter: ServiceRequestFilter, $sort: ServiceRequestSort) {\n    serviceRequests(skip: $skip, take: $take, filter: $filter, sort: $sort) {\n      ...RequestListFields\n    }\n    serviceRequestCount(filter: $filter)\n  }\n": types.ServiceRequestsDocument,
    "\n  query RequestFilterChoices {\n    serviceRequestFilterChoices {\n      requesters {\n        id\n        username\n      }\n      tenants {\n        id\n        name\n      }\n    }\n  }\n": types.RequestFilterChoicesDocument,
    "\n  query ServiceRequest($id: ID!) {\n    serviceRequest(id: $id) {\n      ...RequestFields\n    }\n  }\n": types.ServiceRequestDocument,
    "\n  mutation OrderService($input: OrderServiceInput!) {\n    orderService(input: $input) {\n      ...RequestFields\n    }\n  }\n": types.OrderServiceDocument,
    "\n  mutation PreviewOrder($input: OrderServiceInput!) {\n    previewOrder(input: $input) {\n      ...RequestFields\n    }\n  }\n": types.PreviewOrderDocument,
    "\n  mutation ReconfigureService($id: ID!, $values: JSON!) {\n    reconfigureService(id: $id, dialogValues: $values) {\n      ...RequestFields\n    }\n  }\n": types.ReconfigureServiceDocument,
    "\n  mutation ResumeServiceRequest($id: ID!) {\n    resumeServiceRequest(id: $id) {\n      ...RequestFields\n    }\n  }\n": types.ResumeServiceRequestDocument,
    "\n  mutation CancelServiceRequest($id: ID!) {\n    cancelServiceRequest(id: $id) {\n      ...RequestFields\n    }\n  }\n": types.CancelServiceRequestDocument,
    "\n  query Job($id: ID!) {\n    job(id: $id) {\n      ...JobFields\n      stdout\n    }\n  }\n": types.JobDocument,
    "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      ...JobFields\n    }\n  }\n": types.CancelJobDocument,
    "\n  query JobEvents($id: ID!, $afterSeq: Int) {\n    job(id: $id) {\n      events(afterSeq: $afterSeq, limit: 1000) {\n        ...JobEventFields\n      }\n    }\n  }\n": types.JobEventsDocument,
    "\n  subscription ServiceRequestUpdated($id: ID!) {\n    serviceRequestUpdated(id: $id) {\n      ...RequestFields\n    }\n  }\n": types.ServiceRequestUpdatedDocument,
    "\n  subscription JobLog($jobId: ID!, $offset: Int) {\n    jobLog(jobId: $jobId, offset: $offset) {\n      offset\n      text\n    }\n  }\n": types.JobLogDocument,
    "\n  subscription JobEventsLive($jobId: ID!, $afterSeq: Int) {\n    jobEvents(jobId: $jobId, afterSeq: $afterSeq) {\n      ...JobEventFields\n    }\n  }\n": types.JobEventsLiveDocument,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    status\n    outputs\n    createdAt\n    providerIds\n    retiresAt\n    maxRetiresAt\n    retirementWarnDays\n    retirementWarnedAt\n    owner {\n      id\n      username\n    }\n    request {\n      id\n      status\n      template {\n        id\n        name\n      }\n    }\n    configuration {\n      dialog\n      values\n      reconfigurableFields\n    }\n  }\n": types.ServiceFieldsFragmentDoc,
    "\n  query Services($skip: Int, $take: Int, $filter: ServiceFilter, $sort: ServiceSort) {\n    services(skip: $skip, take: $take, filter: $filter, sort: $sort) {\n      ...ServiceFields\n    }\n    serviceCount(filter: $filter)\n  }\n": types.ServicesDocument,
    "\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceFields\n      retirementPlaybooks\n      placements {\n        site\n        providerId\n        providerTypes\n      }\n      requests {\n        id\n        status\n        action\n        createdAt\n        finishedAt\n        requester {\n          id\n          username\n        }\n      }\n    }\n  }\n": types.ServiceDocument,
    "\n  mutation ExtendServiceRetirement($id: ID!, $retiresAt: DateTime!) {\n    extendServiceRetirement(id: $id, retiresAt: $retiresAt) {\n      id\n      retiresAt\n      retirementWarnedAt\n    }\n  }\n": types.ExtendServiceRetirementDocument,
    "\n  mutation RetireService($id: ID!) {\n    retireService(id: $id) {\n      ...RequestFields\n    }\n  }\n": types.RetireServiceDocument,
    "\n  mutation ForceRetireService($id: ID!, $reason: String!) {\n    forceRetireService(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.ForceRetireServiceDocument,
    "\n  mutation HealService($id: ID!) {\n    healService(id: $id) {\n      ...RequestFields\n    }\n  }\n": types.HealServiceDocument,
    "\n  mutation MigrateService($id: ID!, $placements: [PlacementInput!]!) {\n    migrateService(id: $id, placements: $placements) {\n      ...RequestFields\n    }\n  }\n": types.MigrateServiceDocument,
    "\n  mutation DeleteService($id: ID!) {\n    deleteService(id: $id)\n  }\n": types.DeleteServiceDocument,
    "\n  fragment TemplateEditorFields on ServiceTemplate {\n    id\n    name\n    description\n    catalog\n    type\n    published\n    source\n    definition\n    tenantId\n    sharedWith\n  }\n": types.TemplateEditorFieldsFragmentDoc,
    "\n  query TemplatesPage($search: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, unpublished: true, skip: $skip, take: $take) {\n      ...TemplateEditorFields\n    }\n    serviceTemplateCount(search: $search, unpublished: true)\n  }\n": types.TemplatesPageDocument,
    "\n  query Template($id: ID!) {\n    serviceTemplate(id: $id, unpublished: true) {\n      ...TemplateEditorFields\n    }\n  }\n": types.TemplateDocument,
    "\n  mutation SaveServiceTemplate($i: ServiceTemplateInput!) {\n    saveServiceTemplate(input: $i) {\n      ...TemplateEditorFields\n    }\n  }\n": types.SaveServiceTemplateDocument,
    "\n  mutation DeleteServiceTemplate($id: ID!) {\n    deleteServiceTemplate(id: $id)\n  }\n": types.DeleteServiceTemplateDocument,
    "\n  mutation ShareServiceTemplate($id: ID!, $tenantIds: [ID!]!) {\n    shareServiceTemplate(id: $id, tenantIds: $tenantIds) {\n      ...TemplateEditorFields\n    }\n  }\n": types.ShareServiceTemplateDocument,
    "\n  query StateMachines {\n    stateMachines {\n      name\n      description\n      states\n    }\n  }\n": types.StateMachinesDocument,
    "\n  fragment TenantFields on Tenant {\n    id\n    name\n    description\n    parentId\n    createdAt\n  }\n": types.TenantFieldsFragmentDoc,
    "\n  query Tenants {\n    tenants {\n      ...TenantFields\n    }\n  }\n": types.TenantsDocument,
    "\n  mutation CreateTenant($input: TenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n": types.CreateTenantDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: TenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n": types.UpdateTenantDocument,
    "\n  mutation DeleteTenant($id: ID!) {\n    deleteTenant(id: $id)\n  }\n": types.DeleteTenantDocument,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    email\n    disabled\n    mustChangePassword\n    roles\n    groups {\n      id\n      name\n    }\n    tenant {\n      id\n      name\n    }\n    createdAt\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n": types.UsersDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": types.DeleteUserDocument,
    "\n  mutation ResetUserPassword($id: ID!, $password: String!) {\n    resetUserPassword(id: $id, password: $password) {\n      ...UserFields\n    }\n  }\n": types.ResetUserPasswordDocument,
    "\n  fragment VnfPackageFields on VnfPackage {\n    id\n    name\n    repoId\n    repoName\n    path\n    vnfdId\n    provider\n    productName\n    softwareVersion\n    vnfdVersion\n    commit\n    onboardingState\n    operationalState\n    usageState\n    usedBy\n    deletionState\n    deleted\n    artifacts {\n      path\n      size\n      sha256\n    }\n    createdAt\n    updatedAt\n  }\n": types.VnfPackageFieldsFragmentDoc,
    "\n  fragment VnfPackageDetailFields on VnfPackage {\n    ...VnfPackageFields\n    vdus {\n      vduId\n      name\n      description\n      vduParent\n      parentMandatory\n      bareMetal\n      technology\n      image\n      descriptors\n      depth\n    }\n    connectionPoints {\n      cpdId\n      kind\n      of\n      exposedPods\n      ports {\n        name\n        port\n        protocol\n        targetPort\n      }\n    }\n  }\n": types.VnfPackageDetailFieldsFragmentDoc,
    "\n  query VnfPackages($filter: VnfPackageFilterInput) {\n    vnfPackages(filter: $filter) {\n      ...VnfPackageFields\n    }\n  }\n": types.VnfPackagesDocument,
    "\n  query VnfPackage($id: ID!) {\n    vnfPackage(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n": types.VnfPackageDocument,
    "\n  mutation EnableVnfPackage($id: ID!) {\n    enableVnfPackage(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n": types.EnableVnfPackageDocument,
    "\n  mutation DisableVnfPackage($id: ID!) {\n    disableVnfPackage(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n": types.DisableVnfPackageDocument,
    "\n  mutation DeleteVnfPackage($id: ID!) {\n    deleteVnfPackage(id: $id) {\n      ...VnfPackageFields\n    }\n  }\n": types.DeleteVnfPackageDocument,
    "\n  mutation AbortVnfPackageDeletion($id: ID!) {\n    abortVnfPackageDeletion(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n": types.AbortVnfPackageDeletionDocument,
    "\n  query VnfPackageArtifact($id: ID!, $path: String!) {\n    vnfPackageArtifact(id: $id, path: $path) {\n      path\n      size\n      sha256\n      encoding\n      content\n    }\n  }\n": types.VnfPackageArtifactDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    tenantId\n    name\n    url\n    enabled\n    createdAt\n    secretRotatedAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment NotificationDeliveryFields on NotificationDelivery {\n    id\n    eventType\n    title\n    channel\n    status\n    attempts\n    responseCode\n    lastError\n    nextAttemptAt\n    deliveredAt\n    createdAt\n  }\n": types.NotificationDeliveryFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointUpdate!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $skip: Int, $take: Int) {\n    webhookDeliveries(endpointId: $endpointId, skip: $skip, take: $take) {\n      ...NotificationDeliveryFields\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation ResendWebhookDelivery($id: ID!) {\n    resendWebhookDelivery(id: $id) {\n      ...NotificationDeliveryFields\n    }\n  }\n": types.ResendWebhookDeliveryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SsoProviders {\n    ssoProviders {\n      name\n      loginUrl\n    }\n  }\n"): typeof import('./graphql').SsoProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      id\n      mustChangePassword\n    }\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlarmFields on Alarm {\n    id\n    kind\n    severity\n    objectType\n    objectId\n    tenantId\n    message\n    raisedAt\n    acknowledgedAt\n    acknowledgedBy\n    clearedAt\n    clearReason\n  }\n"): typeof import('./graphql').AlarmFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alarms($filter: AlarmFilter, $skip: Int, $take: Int) {\n    alarms(filter: $filter, skip: $skip, take: $take) {\n      ...AlarmFields\n    }\n    alarmCount(filter: $filter)\n  }\n"): typeof import('./graphql').AlarmsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alarm($id: ID!) {\n    alarm(id: $id) {\n      ...AlarmFields\n    }\n  }\n"): typeof import('./graphql').AlarmDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlarm($id: ID!) {\n    acknowledgeAlarm(id: $id) {\n      ...AlarmFields\n    }\n  }\n"): typeof import('./graphql').AcknowledgeAlarmDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearAlarm($id: ID!) {\n    clearAlarm(id: $id) {\n      ...AlarmFields\n    }\n  }\n"): typeof import('./graphql').ClearAlarmDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OpenAlarmCount {\n    openAlarmCount\n  }\n"): typeof import('./graphql').OpenAlarmCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    createdAt\n    expiresAt\n    lastUsedAt\n    scopes\n  }\n"): typeof import('./graphql').ApiTokenFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): typeof import('./graphql').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!, $expiresInDays: Int, $scopes: [String!]) {\n    createApiToken(name: $name, expiresInDays: $expiresInDays, scopes: $scopes) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestApprovalFields on ServiceRequest {\n    approval {\n      approvals\n      reason\n      timeoutHours\n      deadline\n      canDecide\n      approvers {\n        id\n        username\n      }\n      decisions {\n        approverId\n        approverName\n        decision\n        reason\n        at\n      }\n    }\n  }\n"): typeof import('./graphql').RequestApprovalFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalInbox($skip: Int, $take: Int) {\n    approvalInbox(skip: $skip, take: $take) {\n      total\n      requests {\n        ...RequestListFields\n        ...RequestApprovalFields\n      }\n    }\n  }\n"): typeof import('./graphql').ApprovalInboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveServiceRequest($id: ID!, $reason: String) {\n    approveServiceRequest(id: $id, reason: $reason) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').ApproveServiceRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DenyServiceRequest($id: ID!, $reason: String!) {\n    denyServiceRequest(id: $id, reason: $reason) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').DenyServiceRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ApprovalInboxCount {\n    approvalInboxCount\n  }\n"): typeof import('./graphql').ApprovalInboxCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    actorId\n    actorName\n    action\n    objectType\n    objectId\n    outcome\n    errorCode\n    message\n    ip\n    details\n  }\n"): typeof import('./graphql').AuditEventFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditFilter, $skip: Int, $take: Int) {\n    auditEvents(filter: $filter, skip: $skip, take: $take) {\n      ...AuditEventFields\n    }\n    auditEventCount(filter: $filter)\n  }\n"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        id\n        username\n      }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      roles\n      mustChangePassword\n      tenant {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPermissions {\n    myPermissions\n  }\n"): typeof import('./graphql').MyPermissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogCardFields on ServiceTemplate {\n    id\n    name\n    description\n    catalog\n    icon\n    published\n    type\n  }\n"): typeof import('./graphql').CatalogCardFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogItemFields on ServiceTemplate {\n    id\n    name\n    description\n    catalog\n    longDescription\n    icon\n    published\n    type\n    dialog\n    orderOptions\n    lifetime\n    approval {\n      mode\n      approvals\n      timeoutHours\n    }\n  }\n"): typeof import('./graphql').CatalogItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogPage($search: String, $catalog: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, catalog: $catalog, skip: $skip, take: $take) {\n      ...CatalogCardFields\n    }\n    serviceTemplateCount(search: $search, catalog: $catalog)\n  }\n"): typeof import('./graphql').CatalogPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogItem($id: ID!) {\n    serviceTemplate(id: $id) {\n      ...CatalogItemFields\n    }\n  }\n"): typeof import('./graphql').CatalogItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceCatalogs {\n    serviceCatalogs {\n      name\n      count\n    }\n  }\n"): typeof import('./graphql').ServiceCatalogsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CredentialFields on Credential {\n    id\n    name\n    type\n    inputs\n    secretFields\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql').CredentialFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Credentials {\n    credentials {\n      ...CredentialFields\n    }\n  }\n"): typeof import('./graphql').CredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Credential($id: ID!) {\n    credential(id: $id) {\n      ...CredentialFields\n    }\n  }\n"): typeof import('./graphql').CredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialTypes {\n    credentialTypes {\n      name\n      label\n      description\n      fields {\n        name\n        label\n        secret\n        required\n        multiline\n        help\n      }\n    }\n  }\n"): typeof import('./graphql').CredentialTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) {\n      ...CredentialFields\n    }\n  }\n"): typeof import('./graphql').CreateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) {\n    updateCredential(id: $id, input: $input) {\n      ...CredentialFields\n    }\n  }\n"): typeof import('./graphql').UpdateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCredential($id: ID!) {\n    deleteCredential(id: $id)\n  }\n"): typeof import('./graphql').DeleteCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($days: Int, $timeZone: String) {\n    dashboard(days: $days, timeZone: $timeZone) {\n      days\n      timeZone\n      firstDay\n      lastDay\n      ordersPerDay {\n        day\n        total\n        finished\n        failed\n        stopped\n        open\n      }\n      orders\n      finished\n      failed\n      successRate\n      items {\n        ...DashboardItemFields\n      }\n      failingItems {\n        ...DashboardItemFields\n      }\n      pendingApprovals\n      runningJobs\n      runningRequests\n      providerHealth {\n        providerId\n        name\n        type\n        status\n        days {\n          day\n          checks\n          up\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardItemFields on DashboardItem {\n    templateId\n    template {\n      name\n    }\n    total\n    finished\n    failed\n    durationP50Seconds\n    durationP95Seconds\n  }\n"): typeof import('./graphql').DashboardItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DialogFields on Dialog {\n    id\n    name\n    label\n    description\n    origin\n    updatedAt\n    tenantId\n    sharedWith\n    fields {\n      name\n      label\n      type\n      required\n      dynamic\n      pending\n      dependsOn\n      boundFrom\n    }\n  }\n"): typeof import('./graphql').DialogFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DialogDetailFields on Dialog {\n    ...DialogFields\n    form\n    definition\n  }\n"): typeof import('./graphql').DialogDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dialogs {\n    dialogs {\n      ...DialogFields\n    }\n  }\n"): typeof import('./graphql').DialogsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dialog($id: ID!) {\n    dialog(id: $id) {\n      ...DialogDetailFields\n    }\n  }\n"): typeof import('./graphql').DialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDialog($id: ID!) {\n    deleteDialog(id: $id)\n  }\n"): typeof import('./graphql').DeleteDialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportDialog($f: DialogImportFormat!, $c: String!, $n: String) {\n    importDialog(format: $f, content: $c, name: $n) {\n      ...DialogFields\n      importWarnings\n    }\n  }\n"): typeof import('./graphql').ImportDialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveDialog($d: JSON!) {\n    saveDialog(definition: $d) {\n      ...DialogDetailFields\n    }\n  }\n"): typeof import('./graphql').SaveDialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BindDialogField($id: ID!, $f: String!, $s: JSON, $d: [String!]) {\n    bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) {\n      ...DialogDetailFields\n    }\n  }\n"): typeof import('./graphql').BindDialogFieldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareDialog($id: ID!, $tenantIds: [ID!]!) {\n    shareDialog(id: $id, tenantIds: $tenantIds) {\n      ...DialogDetailFields\n    }\n  }\n"): typeof import('./graphql').ShareDialogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefreshDialogField($d: String!, $f: String!, $v: JSON!) {\n    refreshDialogField(dialog: $d, field: $f, values: $v) {\n      choices {\n        value\n        label\n      }\n      default\n    }\n  }\n"): typeof import('./graphql').RefreshDialogFieldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GitRepoFields on GitRepo {\n    id\n    name\n    url\n    branch\n    commit\n    lastRefreshedAt\n    refreshStatus\n    refreshError\n    builtin\n    hosted\n    enabled\n    refreshMaxAgeSeconds\n    refreshIntervalSeconds\n    cloneUrl\n    webhookUrl\n    tenantId\n    sharedWith\n    credentialId\n    playbooks {\n      path\n      syntaxStatus\n      syntaxError\n    }\n  }\n"): typeof import('./graphql').GitRepoFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GitRefreshFields on GitRefresh {\n    id\n    status\n    commit\n    previousCommit\n    durationMs\n    error\n    added\n    changed\n    removed\n    startedAt\n    finishedAt\n  }\n"): typeof import('./graphql').GitRefreshFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GitRepoDetailFields on GitRepo {\n    ...GitRepoFields\n    refreshes(take: 20) {\n      ...GitRefreshFields\n    }\n  }\n"): typeof import('./graphql').GitRepoDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GitRepos {\n    gitRepos {\n      ...GitRepoFields\n    }\n  }\n"): typeof import('./graphql').GitReposDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GitRepo($id: ID!) {\n    gitRepo(id: $id) {\n      ...GitRepoDetailFields\n    }\n  }\n"): typeof import('./graphql').GitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGitRepo($input: CreateGitRepoInput!) {\n    createGitRepo(input: $input) {\n      ...GitRepoDetailFields\n    }\n  }\n"): typeof import('./graphql').CreateGitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGitRepo($id: ID!, $input: UpdateGitRepoInput!) {\n    updateGitRepo(id: $id, input: $input) {\n      ...GitRepoDetailFields\n    }\n  }\n"): typeof import('./graphql').UpdateGitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGitRepo($id: ID!) {\n    deleteGitRepo(id: $id)\n  }\n"): typeof import('./graphql').DeleteGitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshGitRepo($id: ID!) {\n    refreshGitRepo(id: $id) {\n      ...GitRepoDetailFields\n    }\n  }\n"): typeof import('./graphql').RefreshGitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshAllGitRepos {\n    refreshAllGitRepos {\n      ...GitRepoFields\n    }\n  }\n"): typeof import('./graphql').RefreshAllGitReposDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareGitRepo($id: ID!, $tenantIds: [ID!]!) {\n    shareGitRepo(id: $id, tenantIds: $tenantIds) {\n      ...GitRepoDetailFields\n    }\n  }\n"): typeof import('./graphql').ShareGitRepoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableGitWebhook($id: ID!) {\n    enableGitWebhook(id: $id) {\n      url\n      secret\n    }\n  }\n"): typeof import('./graphql').EnableGitWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableGitWebhook($id: ID!) {\n    disableGitWebhook(id: $id) {\n      ...GitRepoDetailFields\n    }\n  }\n"): typeof import('./graphql').DisableGitWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupFields on Group {\n    id\n    name\n    description\n    roles\n    members {\n      id\n      username\n    }\n    tenant {\n      id\n      name\n    }\n    createdAt\n  }\n"): typeof import('./graphql').GroupFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Groups {\n    groups {\n      ...GroupFields\n    }\n  }\n"): typeof import('./graphql').GroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Group($id: ID!) {\n    group(id: $id) {\n      ...GroupFields\n    }\n  }\n"): typeof import('./graphql').GroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles {\n      name\n      description\n      permissions\n    }\n  }\n"): typeof import('./graphql').RolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroup($input: GroupInput!) {\n    createGroup(input: $input) {\n      ...GroupFields\n    }\n  }\n"): typeof import('./graphql').CreateGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGroup($id: ID!, $input: GroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      ...GroupFields\n    }\n  }\n"): typeof import('./graphql').UpdateGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n"): typeof import('./graphql').DeleteGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Instances {\n    instances {\n      id\n      hostname\n      role\n      version\n      concurrency\n      runningJobs\n      startedAt\n      heartbeatAt\n      state\n    }\n  }\n"): typeof import('./graphql').InstancesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InventoryFields on Inventory {\n    id\n    name\n    description\n    sites {\n      name\n      providerId\n      hosts\n      variables\n    }\n    createdAt\n    updatedAt\n    tenantId\n    sharedWith\n  }\n"): typeof import('./graphql').InventoryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InventoryDetailFields on Inventory {\n    ...InventoryFields\n    rendered\n  }\n"): typeof import('./graphql').InventoryDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inventories {\n    inventories {\n      ...InventoryFields\n    }\n  }\n"): typeof import('./graphql').InventoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inventory($id: ID!) {\n    inventory(id: $id) {\n      ...InventoryDetailFields\n    }\n  }\n"): typeof import('./graphql').InventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInventory($input: InventoryInput!) {\n    createInventory(input: $input) {\n      ...InventoryDetailFields\n    }\n  }\n"): typeof import('./graphql').CreateInventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInventory($id: ID!, $input: InventoryInput!) {\n    updateInventory(id: $id, input: $input) {\n      ...InventoryDetailFields\n    }\n  }\n"): typeof import('./graphql').UpdateInventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareInventory($id: ID!, $tenantIds: [ID!]!) {\n    shareInventory(id: $id, tenantIds: $tenantIds) {\n      ...InventoryDetailFields\n    }\n  }\n"): typeof import('./graphql').ShareInventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteInventory($id: ID!) {\n    deleteInventory(id: $id)\n  }\n"): typeof import('./graphql').DeleteInventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    eventType\n    title\n    data\n    createdAt\n    readAt\n  }\n"): typeof import('./graphql').NotificationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationSubscriptionFields on NotificationSubscription {\n    id\n    eventTypes\n    channel\n    tenantId\n    endpointId\n    enabled\n    createdAt\n  }\n"): typeof import('./graphql').NotificationSubscriptionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications($unreadOnly: Boolean!, $skip: Int, $take: Int) {\n    myNotifications(unreadOnly: $unreadOnly, skip: $skip, take: $take) {\n      ...NotificationFields\n    }\n  }\n"): typeof import('./graphql').MyNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): typeof import('./graphql').UnreadNotificationCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSubscriptions {\n    notificationSubscriptions {\n      ...NotificationSubscriptionFields\n    }\n  }\n"): typeof import('./graphql').NotificationSubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeToNotifications($input: NotificationSubscriptionInput!) {\n    subscribeToNotifications(input: $input) {\n      ...NotificationSubscriptionFields\n    }\n  }\n"): typeof import('./graphql').SubscribeToNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationSubscriptionEnabled($id: ID!, $enabled: Boolean!) {\n    setNotificationSubscriptionEnabled(id: $id, enabled: $enabled) {\n      ...NotificationSubscriptionFields\n    }\n  }\n"): typeof import('./graphql').SetNotificationSubscriptionEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeFromNotifications($id: ID!) {\n    unsubscribeFromNotifications(id: $id)\n  }\n"): typeof import('./graphql').UnsubscribeFromNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OidcGroupMappingFields on OidcGroupMapping {\n    id\n    claim\n    group {\n      id\n      name\n    }\n    tenant {\n      id\n      name\n    }\n    createdAt\n  }\n"): typeof import('./graphql').OidcGroupMappingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OidcGroupMappings {\n    oidcGroupMappings {\n      ...OidcGroupMappingFields\n    }\n  }\n"): typeof import('./graphql').OidcGroupMappingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOidcGroupMapping($claim: String!, $groupId: ID!) {\n    createOidcGroupMapping(claim: $claim, groupId: $groupId) {\n      ...OidcGroupMappingFields\n    }\n  }\n"): typeof import('./graphql').CreateOidcGroupMappingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOidcGroupMapping($id: ID!) {\n    deleteOidcGroupMapping(id: $id)\n  }\n"): typeof import('./graphql').DeleteOidcGroupMappingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PerformanceJobFields on PerformanceJob {\n    id\n    name\n    metric\n    url\n    providerId\n    namespace\n    deployment\n    stack\n    playbook\n    stat\n    intervalSeconds\n    thresholds {\n      id\n      operator\n      value\n      severity\n      crossed\n    }\n    samples(minutes: $minutes) {\n      at\n      value\n      error\n    }\n  }\n"): typeof import('./graphql').PerformanceJobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PerformanceJobs($serviceId: ID!, $minutes: Int!) {\n    performanceJobs(serviceId: $serviceId) {\n      ...PerformanceJobFields\n    }\n  }\n"): typeof import('./graphql').PerformanceJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderPerformanceJobs($providerId: ID!, $minutes: Int!) {\n    providerPerformanceJobs(providerId: $providerId) {\n      ...PerformanceJobFields\n    }\n  }\n"): typeof import('./graphql').ProviderPerformanceJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerformanceJob($input: CreatePerformanceJobInput!) {\n    createPerformanceJob(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreatePerformanceJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProviderPerformanceJob($input: CreateProviderPerformanceJobInput!) {\n    createProviderPerformanceJob(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateProviderPerformanceJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePerformanceJob($id: ID!) {\n    deletePerformanceJob(id: $id)\n  }\n"): typeof import('./graphql').DeletePerformanceJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerformanceThreshold($input: CreatePerformanceThresholdInput!) {\n    createPerformanceThreshold(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreatePerformanceThresholdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePerformanceThreshold($id: ID!) {\n    deletePerformanceThreshold(id: $id)\n  }\n"): typeof import('./graphql').DeletePerformanceThresholdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderFields on Provider {\n    id\n    name\n    type\n    config\n    credentialId\n    becomeCredentialId\n    healthStatus\n    healthMessage\n    healthCheckedAt\n    createdAt\n    tenantId\n    sharedWith\n  }\n"): typeof import('./graphql').ProviderFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderHealthFields on ProviderHealthCheck {\n    providerId\n    status\n    message\n    latencyMs\n    changed\n    checkedAt\n  }\n"): typeof import('./graphql').ProviderHealthFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderDetailFields on Provider {\n    ...ProviderFields\n    inventory\n    healthHistory(take: 50) {\n      ...ProviderHealthFields\n    }\n    resources {\n      __typename\n      ... on KubernetesResources {\n        namespaces\n        deployments {\n          namespace\n          name\n          replicas\n          ready\n        }\n        services {\n          namespace\n          name\n          type\n          address\n          ports\n        }\n      }\n      ... on OpenStackResources {\n        stacks {\n          id\n          name\n          status\n          reason\n          createdAt\n        }\n        servers {\n          id\n          name\n          status\n          addresses\n        }\n        missing\n      }\n    }\n    resourcesRefreshedAt\n  }\n"): typeof import('./graphql').ProviderDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Providers {\n    providers {\n      ...ProviderFields\n    }\n  }\n"): typeof import('./graphql').ProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Provider($id: ID!) {\n    provider(id: $id) {\n      ...ProviderDetailFields\n    }\n  }\n"): typeof import('./graphql').ProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProvider($input: ProviderInput!) {\n    createProvider(input: $input) {\n      ...ProviderFields\n    }\n  }\n"): typeof import('./graphql').CreateProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProvider($id: ID!, $input: ProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderDetailFields\n    }\n  }\n"): typeof import('./graphql').UpdateProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProvider($id: ID!) {\n    deleteProvider(id: $id)\n  }\n"): typeof import('./graphql').DeleteProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckProviderHealth($id: ID!) {\n    checkProviderHealth(id: $id) {\n      ...ProviderDetailFields\n    }\n  }\n"): typeof import('./graphql').CheckProviderHealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshProviderResources($id: ID!) {\n    refreshProviderResources(id: $id) {\n      ...ProviderDetailFields\n    }\n  }\n"): typeof import('./graphql').RefreshProviderResourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareProvider($id: ID!, $tenantIds: [ID!]!) {\n    shareProvider(id: $id, tenantIds: $tenantIds) {\n      ...ProviderDetailFields\n    }\n  }\n"): typeof import('./graphql').ShareProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderAlarms($take: Int!) {\n    providerAlarms(take: $take) {\n      ...ProviderHealthFields\n    }\n  }\n"): typeof import('./graphql').ProviderAlarmsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Queues {\n    queues {\n      name\n      waiting\n      active\n      delayed\n      prioritized\n      failed\n      completed\n      oldestWaitingSince\n      oldestWaitingSeconds\n      workers {\n        name\n        address\n        connectedSeconds\n        idleSeconds\n      }\n    }\n  }\n"): typeof import('./graphql').QueuesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedQueueJobs($queue: QueueName!, $take: Int) {\n    failedQueueJobs(queue: $queue, take: $take) {\n      queue\n      id\n      name\n      error\n      attempts\n      queuedAt\n      failedAt\n    }\n  }\n"): typeof import('./graphql').FailedQueueJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryQueueJob($queue: QueueName!, $id: String!) {\n    retryQueueJob(queue: $queue, id: $id)\n  }\n"): typeof import('./graphql').RetryQueueJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuotaFields on Quota {\n    id\n    dimension\n    limit\n    used\n    tenant {\n      id\n      name\n    }\n    user {\n      id\n      username\n    }\n  }\n"): typeof import('./graphql').QuotaFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quotas($tenantId: ID, $userId: ID) {\n    quotas(tenantId: $tenantId, userId: $userId) {\n      ...QuotaFields\n    }\n  }\n"): typeof import('./graphql').QuotasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyQuotas {\n    myQuotas {\n      ...QuotaFields\n    }\n  }\n"): typeof import('./graphql').MyQuotasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetQuota($input: QuotaInput!) {\n    setQuota(input: $input) {\n      ...QuotaFields\n    }\n  }\n"): typeof import('./graphql').SetQuotaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteQuota($id: ID!) {\n    deleteQuota(id: $id)\n  }\n"): typeof import('./graphql').DeleteQuotaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScheduledOperationFields on ScheduledOperation {\n    id\n    name\n    action\n    templateId\n    serviceId\n    targetName\n    runAt\n    cron\n    timezone\n    enabled\n    nextRunAt\n    lastRunAt\n    lastRequestId\n    lastError\n    runCount\n    createdAt\n  }\n"): typeof import('./graphql').ScheduledOperationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduledOperations($serviceId: ID, $skip: Int, $take: Int) {\n    scheduledOperations(serviceId: $serviceId, skip: $skip, take: $take) {\n      ...ScheduledOperationFields\n    }\n    scheduledOperationsCount(serviceId: $serviceId)\n  }\n"): typeof import('./graphql').ScheduledOperationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduledOperation($id: ID!) {\n    scheduledOperation(id: $id) {\n      ...ScheduledOperationFields\n    }\n  }\n"): typeof import('./graphql').ScheduledOperationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateScheduledOperation($input: CreateScheduledOperationInput!) {\n    createScheduledOperation(input: $input) {\n      ...ScheduledOperationFields\n    }\n  }\n"): typeof import('./graphql').CreateScheduledOperationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateScheduledOperation($id: ID!, $input: UpdateScheduledOperationInput!) {\n    updateScheduledOperation(id: $id, input: $input) {\n      ...ScheduledOperationFields\n    }\n  }\n"): typeof import('./graphql').UpdateScheduledOperationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteScheduledOperation($id: ID!) {\n    deleteScheduledOperation(id: $id)\n  }\n"): typeof import('./graphql').DeleteScheduledOperationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobFields on Job {\n    id\n    status\n    playbook\n    commit\n    returnCode\n    startedAt\n    finishedAt\n    cancelRequestedAt\n    artifacts\n    eventCount\n    eventsEmitted\n    eventsComplete\n    outputPurgedAt\n    hostSummaries {\n      host\n      ok\n      changed\n      failures\n      unreachable\n      skipped\n      rescued\n      ignored\n    }\n  }\n"): typeof import('./graphql').JobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobEventFields on JobEvent {\n    seq\n    event\n    host\n    task\n    play\n    changed\n    failed\n    stdout\n    createdAt\n  }\n"): typeof import('./graphql').JobEventFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestBundleFields on ServiceRequest {\n    state\n    stateAttempt\n    transitions {\n      state\n      event\n      attempt\n      message\n      at\n    }\n    items {\n      id\n      name\n      index\n      site\n      status\n      jobId\n      playbook\n      commit\n      outputs\n      message\n      startedAt\n      finishedAt\n    }\n  }\n"): typeof import('./graphql').RequestBundleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestListFields on ServiceRequest {\n    id\n    status\n    action\n    tenantId\n    message\n    createdAt\n    updatedAt\n    finishedAt\n    dialogValues\n    ...RequestBundleFields\n    template {\n      id\n      name\n      type\n    }\n    requester {\n      id\n      username\n    }\n    jobs {\n      ...JobFields\n    }\n    service {\n      id\n      name\n      status\n    }\n  }\n"): typeof import('./graphql').RequestListFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestFields on ServiceRequest {\n    ...RequestListFields\n    scheduledBy {\n      id\n      name\n    }\n    machine {\n      name\n      states {\n        name\n        method\n      }\n      action\n      serviceId\n      rollbackOf\n      onFailure\n    }\n    template {\n      id\n      name\n      type\n      dialog\n    }\n    ...RequestApprovalFields\n  }\n"): typeof import('./graphql').RequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceRequests($skip: Int, $take: Int, $filter: ServiceRequestFilter, $sort: ServiceRequestSort) {\n    serviceRequests(skip: $skip, take: $take, filter: $filter, sort: $sort) {\n      ...RequestListFields\n    }\n    serviceRequestCount(filter: $filter)\n  }\n"): typeof import('./graphql').ServiceRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestFilterChoices {\n    serviceRequestFilterChoices {\n      requesters {\n        id\n        username\n      }\n      tenants {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').RequestFilterChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceRequest($id: ID!) {\n    serviceRequest(id: $id) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').ServiceRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderService($input: OrderServiceInput!) {\n    orderService(input: $input) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').OrderServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewOrder($input: OrderServiceInput!) {\n    previewOrder(input: $input) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').PreviewOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReconfigureService($id: ID!, $values: JSON!) {\n    reconfigureService(id: $id, dialogValues: $values) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').ReconfigureServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeServiceRequest($id: ID!) {\n    resumeServiceRequest(id: $id) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').ResumeServiceRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelServiceRequest($id: ID!) {\n    cancelServiceRequest(id: $id) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').CancelServiceRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Job($id: ID!) {\n    job(id: $id) {\n      ...JobFields\n      stdout\n    }\n  }\n"): typeof import('./graphql').JobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      ...JobFields\n    }\n  }\n"): typeof import('./graphql').CancelJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobEvents($id: ID!, $afterSeq: Int) {\n    job(id: $id) {\n      events(afterSeq: $afterSeq, limit: 1000) {\n        ...JobEventFields\n      }\n    }\n  }\n"): typeof import('./graphql').JobEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ServiceRequestUpdated($id: ID!) {\n    serviceRequestUpdated(id: $id) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').ServiceRequestUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobLog($jobId: ID!, $offset: Int) {\n    jobLog(jobId: $jobId, offset: $offset) {\n      offset\n      text\n    }\n  }\n"): typeof import('./graphql').JobLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobEventsLive($jobId: ID!, $afterSeq: Int) {\n    jobEvents(jobId: $jobId, afterSeq: $afterSeq) {\n      ...JobEventFields\n    }\n  }\n"): typeof import('./graphql').JobEventsLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceFields on Service {\n    id\n    name\n    status\n    outputs\n    createdAt\n    providerIds\n    retiresAt\n    maxRetiresAt\n    retirementWarnDays\n    retirementWarnedAt\n    owner {\n      id\n      username\n    }\n    request {\n      id\n      status\n      template {\n        id\n        name\n      }\n    }\n    configuration {\n      dialog\n      values\n      reconfigurableFields\n    }\n  }\n"): typeof import('./graphql').ServiceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Services($skip: Int, $take: Int, $filter: ServiceFilter, $sort: ServiceSort) {\n    services(skip: $skip, take: $take, filter: $filter, sort: $sort) {\n      ...ServiceFields\n    }\n    serviceCount(filter: $filter)\n  }\n"): typeof import('./graphql').ServicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceFields\n      retirementPlaybooks\n      placements {\n        site\n        providerId\n        providerTypes\n      }\n      requests {\n        id\n        status\n        action\n        createdAt\n        finishedAt\n        requester {\n          id\n          username\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendServiceRetirement($id: ID!, $retiresAt: DateTime!) {\n    extendServiceRetirement(id: $id, retiresAt: $retiresAt) {\n      id\n      retiresAt\n      retirementWarnedAt\n    }\n  }\n"): typeof import('./graphql').ExtendServiceRetirementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireService($id: ID!) {\n    retireService(id: $id) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').RetireServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForceRetireService($id: ID!, $reason: String!) {\n    forceRetireService(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ForceRetireServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HealService($id: ID!) {\n    healService(id: $id) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').HealServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MigrateService($id: ID!, $placements: [PlacementInput!]!) {\n    migrateService(id: $id, placements: $placements) {\n      ...RequestFields\n    }\n  }\n"): typeof import('./graphql').MigrateServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteService($id: ID!) {\n    deleteService(id: $id)\n  }\n"): typeof import('./graphql').DeleteServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateEditorFields on ServiceTemplate {\n    id\n    name\n    description\n    catalog\n    type\n    published\n    source\n    definition\n    tenantId\n    sharedWith\n  }\n"): typeof import('./graphql').TemplateEditorFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplatesPage($search: String, $skip: Int!, $take: Int!) {\n    serviceTemplates(search: $search, unpublished: true, skip: $skip, take: $take) {\n      ...TemplateEditorFields\n    }\n    serviceTemplateCount(search: $search, unpublished: true)\n  }\n"): typeof import('./graphql').TemplatesPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Template($id: ID!) {\n    serviceTemplate(id: $id, unpublished: true) {\n      ...TemplateEditorFields\n    }\n  }\n"): typeof import('./graphql').TemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveServiceTemplate($i: ServiceTemplateInput!) {\n    saveServiceTemplate(input: $i) {\n      ...TemplateEditorFields\n    }\n  }\n"): typeof import('./graphql').SaveServiceTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteServiceTemplate($id: ID!) {\n    deleteServiceTemplate(id: $id)\n  }\n"): typeof import('./graphql').DeleteServiceTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareServiceTemplate($id: ID!, $tenantIds: [ID!]!) {\n    shareServiceTemplate(id: $id, tenantIds: $tenantIds) {\n      ...TemplateEditorFields\n    }\n  }\n"): typeof import('./graphql').ShareServiceTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StateMachines {\n    stateMachines {\n      name\n      description\n      states\n    }\n  }\n"): typeof import('./graphql').StateMachinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantFields on Tenant {\n    id\n    name\n    description\n    parentId\n    createdAt\n  }\n"): typeof import('./graphql').TenantFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenants {\n    tenants {\n      ...TenantFields\n    }\n  }\n"): typeof import('./graphql').TenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: TenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n"): typeof import('./graphql').CreateTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenant($id: ID!, $input: TenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n"): typeof import('./graphql').UpdateTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTenant($id: ID!) {\n    deleteTenant(id: $id)\n  }\n"): typeof import('./graphql').DeleteTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    email\n    disabled\n    mustChangePassword\n    roles\n    groups {\n      id\n      name\n    }\n    tenant {\n      id\n      name\n    }\n    createdAt\n  }\n"): typeof import('./graphql').UserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"): typeof import('./graphql').UserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n"): typeof import('./graphql').UpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n"): typeof import('./graphql').DeleteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($id: ID!, $password: String!) {\n    resetUserPassword(id: $id, password: $password) {\n      ...UserFields\n    }\n  }\n"): typeof import('./graphql').ResetUserPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VnfPackageFields on VnfPackage {\n    id\n    name\n    repoId\n    repoName\n    path\n    vnfdId\n    provider\n    productName\n    softwareVersion\n    vnfdVersion\n    commit\n    onboardingState\n    operationalState\n    usageState\n    usedBy\n    deletionState\n    deleted\n    artifacts {\n      path\n      size\n      sha256\n    }\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql').VnfPackageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VnfPackageDetailFields on VnfPackage {\n    ...VnfPackageFields\n    vdus {\n      vduId\n      name\n      description\n      vduParent\n      parentMandatory\n      bareMetal\n      technology\n      image\n      descriptors\n      depth\n    }\n    connectionPoints {\n      cpdId\n      kind\n      of\n      exposedPods\n      ports {\n        name\n        port\n        protocol\n        targetPort\n      }\n    }\n  }\n"): typeof import('./graphql').VnfPackageDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VnfPackages($filter: VnfPackageFilterInput) {\n    vnfPackages(filter: $filter) {\n      ...VnfPackageFields\n    }\n  }\n"): typeof import('./graphql').VnfPackagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VnfPackage($id: ID!) {\n    vnfPackage(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n"): typeof import('./graphql').VnfPackageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableVnfPackage($id: ID!) {\n    enableVnfPackage(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n"): typeof import('./graphql').EnableVnfPackageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableVnfPackage($id: ID!) {\n    disableVnfPackage(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n"): typeof import('./graphql').DisableVnfPackageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteVnfPackage($id: ID!) {\n    deleteVnfPackage(id: $id) {\n      ...VnfPackageFields\n    }\n  }\n"): typeof import('./graphql').DeleteVnfPackageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AbortVnfPackageDeletion($id: ID!) {\n    abortVnfPackageDeletion(id: $id) {\n      ...VnfPackageDetailFields\n    }\n  }\n"): typeof import('./graphql').AbortVnfPackageDeletionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VnfPackageArtifact($id: ID!, $path: String!) {\n    vnfPackageArtifact(id: $id, path: $path) {\n      path\n      size\n      sha256\n      encoding\n      content\n    }\n  }\n"): typeof import('./graphql').VnfPackageArtifactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    tenantId\n    name\n    url\n    enabled\n    createdAt\n    secretRotatedAt\n  }\n"): typeof import('./graphql').WebhookEndpointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationDeliveryFields on NotificationDelivery {\n    id\n    eventType\n    title\n    channel\n    status\n    attempts\n    responseCode\n    lastError\n    nextAttemptAt\n    deliveredAt\n    createdAt\n  }\n"): typeof import('./graphql').NotificationDeliveryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n"): typeof import('./graphql').WebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointUpdate!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n"): typeof import('./graphql').UpdateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"): typeof import('./graphql').RotateWebhookSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): typeof import('./graphql').DeleteWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $skip: Int, $take: Int) {\n    webhookDeliveries(endpointId: $endpointId, skip: $skip, take: $take) {\n      ...NotificationDeliveryFields\n    }\n  }\n"): typeof import('./graphql').WebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendWebhookDelivery($id: ID!) {\n    resendWebhookDelivery(id: $id) {\n      ...NotificationDeliveryFields\n    }\n  }\n"): typeof import('./graphql').ResendWebhookDeliveryDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
