import { Route } from 'react-router-dom';
import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import catalog from './catalog';
import serviceRequests from './serviceRequests';
import services from './services';
import gitRepos from './gitRepos';
import providers from './providers';
import inventories from './inventories';
import credentials from './credentials';
import apiTokens from './apiTokens';
import dialogs from './dialogs';
import templates from './templates';
import auditEvents from './auditEvents';
import { i18nProvider } from './i18nProvider';
import { LoginPage } from './LoginPage';
import { theme } from './theme';

export const App = () => (
  <Admin
    title="Superfluid"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    theme={theme}
    disableTelemetry
    requireAuth
  >
    <Resource name="catalog" list={catalog.list} icon={catalog.icon}>
      <Route path=":id/order" element={<catalog.order />} />
    </Resource>
    <Resource
      name="serviceRequests"
      list={serviceRequests.list}
      show={serviceRequests.show}
      icon={serviceRequests.icon}
      recordRepresentation={(r) => `Request ${String(r.id).slice(0, 8)}`}
    />
    <Resource name="services" list={services.list} show={services.show} icon={services.icon}>
      <Route path=":id/reconfigure" element={<services.reconfigure />} />
    </Resource>
    <Resource
      name="gitRepos"
      list={gitRepos.list}
      show={gitRepos.show}
      create={gitRepos.create}
      edit={gitRepos.edit}
      icon={gitRepos.icon}
      recordRepresentation="name"
    />
    <Resource
      name="providers"
      list={providers.list}
      show={providers.show}
      create={providers.create}
      edit={providers.edit}
      icon={providers.icon}
      recordRepresentation="name"
    />
    <Resource
      name="inventories"
      list={inventories.list}
      show={inventories.show}
      create={inventories.create}
      edit={inventories.edit}
      icon={inventories.icon}
      recordRepresentation="name"
    />
    <Resource
      name="credentials"
      list={credentials.list}
      create={credentials.create}
      edit={credentials.edit}
      icon={credentials.icon}
      recordRepresentation="name"
    />
    <Resource name="apiTokens" list={apiTokens.list} icon={apiTokens.icon} />
    <Resource name="serviceTemplates" list={templates.list} create={templates.create} edit={templates.edit} icon={templates.icon} recordRepresentation="name" />
    <Resource
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
    <Resource name="auditEvents" list={auditEvents.list} icon={auditEvents.icon} options={{ label: 'Audit' }} />
  </Admin>
);
