import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const messages: TranslationMessages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    // Plain words instead of react-admin's "Element created" / "Element does not exist".
    notification: {
      ...englishMessages.ra.notification,
      created: 'Created',
      updated: 'Saved',
      deleted: 'Deleted |||| %{smart_count} deleted',
      item_doesnt_exist: 'This does not exist, or you may not see it.',
    },
  },
  resources: {
    catalog: { name: 'Catalog item |||| Catalog' },
    serviceTemplates: { name: 'Template |||| Templates' },
    serviceRequests: {
      name: 'Request |||| Requests',
      notifications: { created: 'Order placed' },
    },
    services: { name: 'Service |||| Services' },
    gitRepos: { name: 'Git repo |||| Git repos' },
    providers: { name: 'Provider |||| Providers' },
    apiTokens: {
      name: 'API token |||| API tokens',
      notifications: { deleted: 'API token revoked' },
    },
    users: { name: 'User |||| Users' },
    groups: { name: 'Group |||| Groups' },
    tenants: { name: 'Tenant |||| Tenants' },
  },
};

// Dialog labels come from the catalog, not from translations: show them as they are.
export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
