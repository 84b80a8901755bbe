// "Share" for a provider (providers:write): its shares replaced with the tenants picked, whose orders
// (and those of the tenants below them) may then run on it.
import { ShareRecordButton } from '../tenants/ShareRecordButton';
import type { Provider } from './api';

export const ShareProviderButton = () => (
  <ShareRecordButton<Provider> permission="providers:write" kind="provider" share={(dp, provider, tenantIds) => dp.shareProvider(provider.id, tenantIds)} />
);
