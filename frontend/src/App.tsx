import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { AppLayout, CHANGE_PASSWORD_PATH } from './account/AppLayout';
import { MY_QUOTAS_PATH } from './quotas/paths';
import { NOTIFICATION_SETTINGS_PATH } from './notifications/paths';
import { queryClient } from './api/queryClient';
import { authProvider, can } from './authProvider';
import { dataProvider } from './dataProvider';
import catalog from './catalog';
import serviceRequests from './serviceRequests';
import approvals from './approvals';
import services from './services';
import gitRepos from './gitRepos';
import vnfPackages from './vnfPackages';
import providers from './providers';
import inventories from './inventories';
import credentials from './credentials';
import apiTokens from './apiTokens';
import dialogs from './dialogs';
import templates from './templates';
import users from './users';
import groups from './groups';
import tenants from './tenants';
import auditEvents from './auditEvents';
import queues from './queues';
import instances from './instances';
import { Dashboard } from './dashboard';
import oidcGroupMappings from './oidcGroupMappings';
import alarms from './alarms';
import webhooks from './webhooks';
import schedules from './schedules';
import { i18nProvider } from './i18nProvider';
import { LoginPage } from './LoginPage';
import { SSO_PATH, SsoPage } from './SsoPage';
import { darkTheme, lightTheme } from './theme';
import { lazyPage } from './common/lazyPage';

// The user menu's pages, each a chunk of its own (common/lazyPage.ts).
const ChangePasswordPage = lazyPage(() => import('./account/ChangePasswordPage'), 'ChangePasswordPage');
const MyQuotasPage = lazyPage(() => import('./quotas/MyQuotasPage'), 'MyQuotasPage');
const NotificationSettingsPage = lazyPage(() => import('./notifications/NotificationSettingsPage'), 'NotificationSettingsPage');

/** The resources the signed-in user may use, from their permissions (authProvider.getPermissions): the
 * menu shows only these. The server checks every operation anyway; a user who must change their
 * password has none until they did. Create buttons hide where the matching write permission lacks. */
const resourcesFor = (permissions: unknown) => {
  const has = (permission: string) => can(permissions, permission);
  const catalogWrite = has('catalog:write');
  const gitWrite = has('git:write');
  const providersWrite = has('providers:write');
  const usersWrite = has('users:write');
  return [
    has('catalog:read') ? (
      <Resource key="catalog" name="catalog" list={catalog.list} icon={catalog.icon}>
        <Route path=":id/order" element={<catalog.order />} />
      </Resource>
    ) : null,
    has('requests:read') ? (
      <Resource
        key="serviceRequests"
        name="serviceRequests"
        list={serviceRequests.list}
        show={serviceRequests.show}
        icon={serviceRequests.icon}
        recordRepresentation={(r) => `Request ${String(r.id).slice(0, 8)}`}
      />
    ) : null,
    has('requests:read') ? (
      <Resource
        key="scheduledOperations"
        name="scheduledOperations"
        list={schedules.list}
        icon={schedules.icon}
        options={{ label: 'Schedules' }}
        recordRepresentation="name"
      />
    ) : null,
    has('approve') ? <Resource key="approvals" name="approvals" list={approvals.list} icon={approvals.icon} options={{ label: 'Approvals' }} /> : null,
    has('requests:read') ? (
      <Resource key="services" name="services" list={services.list} show={services.show} icon={services.icon}>
        <Route path=":id/reconfigure" element={<services.reconfigure />} />
      </Resource>
    ) : null,
    has('git:read') ? (
      <Resource
        key="gitRepos"
        name="gitRepos"
        list={gitRepos.list}
        show={gitRepos.show}
        create={gitWrite ? gitRepos.create : undefined}
        edit={gitWrite ? gitRepos.edit : undefined}
        icon={gitRepos.icon}
        recordRepresentation="name"
      />
    ) : null,
    has('vnf:read') ? (
      <Resource
        key="vnfPackages"
        name="vnfPackages"
        list={vnfPackages.list}
        show={vnfPackages.show}
        icon={vnfPackages.icon}
        options={{ label: 'VNF packages' }}
        recordRepresentation="name"
      />
    ) : null,
    has('providers:read') ? (
      <Resource
        key="providers"
        name="providers"
        list={providers.list}
        show={providers.show}
        create={providersWrite ? providers.create : undefined}
        edit={providersWrite ? providers.edit : undefined}
        icon={providers.icon}
        recordRepresentation="name"
      />
    ) : null,
    has('providers:read') ? (
      <Resource
        key="inventories"
        name="inventories"
        list={inventories.list}
        show={inventories.show}
        create={providersWrite ? inventories.create : undefined}
        edit={providersWrite ? inventories.edit : undefined}
        icon={inventories.icon}
        recordRepresentation="name"
      />
    ) : null,
    has('providers:read') ? (
      <Resource
        key="credentials"
        name="credentials"
        list={credentials.list}
        create={providersWrite ? credentials.create : undefined}
        edit={providersWrite ? credentials.edit : undefined}
        icon={credentials.icon}
        recordRepresentation="name"
      />
    ) : null,
    // Every signed-in user has their own tokens (none while they must change their password).
    has('self:read') ? <Resource key="apiTokens" name="apiTokens" list={apiTokens.list} icon={apiTokens.icon} /> : null,
    catalogWrite ? (
      <Resource
        key="serviceTemplates"
        name="serviceTemplates"
        list={templates.list}
        create={templates.create}
        edit={templates.edit}
        icon={templates.icon}
        recordRepresentation="name"
      />
    ) : null,
    catalogWrite ? (
      <Resource
        key="dialogs"
        name="dialogs"
        list={dialogs.list}
        show={dialogs.show}
        create={dialogs.create}
        edit={dialogs.edit}
        icon={dialogs.icon}
        recordRepresentation="label"
      >
        <Route path="import" element={<dialogs.import />} />
      </Resource>
    ) : null,
    has('users:read') ? (
      <Resource
        key="users"
        name="users"
        list={users.list}
        create={usersWrite ? users.create : undefined}
        edit={usersWrite ? users.edit : undefined}
        icon={users.icon}
        recordRepresentation="username"
      />
    ) : null,
    has('users:read') ? (
      <Resource
        key="groups"
        name="groups"
        list={groups.list}
        create={usersWrite ? groups.create : undefined}
        edit={usersWrite ? groups.edit : undefined}
        icon={groups.icon}
        recordRepresentation="name"
      />
    ) : null,
    has('users:read') ? (
      <Resource
        key="tenants"
        name="tenants"
        list={tenants.list}
        create={usersWrite ? tenants.create : undefined}
        edit={usersWrite ? tenants.edit : undefined}
        icon={tenants.icon}
        recordRepresentation="name"
      />
    ) : null,
    has('users:read') ? (
      <Resource
        key="oidcGroupMappings"
        name="oidcGroupMappings"
        list={oidcGroupMappings.list}
        create={usersWrite ? oidcGroupMappings.create : undefined}
        icon={oidcGroupMappings.icon}
        options={{ label: 'SSO group mappings' }}
      />
    ) : null,
    has('alarms:read') ? <Resource key="alarms" name="alarms" list={alarms.list} icon={alarms.icon} options={{ label: 'Alarms' }} /> : null,
    has('notifications:tenant') ? (
      <Resource
        key="webhookEndpoints"
        name="webhookEndpoints"
        list={webhooks.list}
        show={webhooks.show}
        icon={webhooks.icon}
        options={{ label: 'Webhooks' }}
        recordRepresentation="name"
      />
    ) : null,
    has('queues:read') ? <Resource key="queues" name="queues" list={queues.list} icon={queues.icon} options={{ label: 'Queues' }} /> : null,
    has('queues:read') ? <Resource key="instances" name="instances" list={instances.list} icon={instances.icon} options={{ label: 'Instances' }} /> : null,
    has('audit:read') ? <Resource key="auditEvents" name="auditEvents" list={auditEvents.list} icon={auditEvents.icon} options={{ label: 'Audit' }} /> : null,
  ];
};

export const App = () => (
  <Admin
    title="Superfluid"
    dataProvider={dataProvider}
    authProvider={authProvider}
    queryClient={queryClient}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={AppLayout}
    dashboard={Dashboard}
    theme={lightTheme}
    darkTheme={darkTheme}
    disableTelemetry
    requireAuth
  >
    <CustomRoutes>
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
      <Route path={MY_QUOTAS_PATH} element={<MyQuotasPage />} />
      <Route path={NOTIFICATION_SETTINGS_PATH} element={<NotificationSettingsPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path={SSO_PATH} element={<SsoPage />} />
    </CustomRoutes>
    {resourcesFor}
  </Admin>
);
