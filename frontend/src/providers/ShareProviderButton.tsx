// "Share" for a provider (providers:write): its shares replaced with the tenants picked, whose orders
// (and those of the tenants below them) may then run on it.
import { useDataProvider, usePermissions, useRecordContext } from 'react-admin';
import { can } from '../authProvider';
import type { SuperfluidDataProvider } from '../dataProvider';
import { ShareButton } from '../tenants/ShareButton';
import type { Provider } from './api';

export const ShareProviderButton = () => {
  const record = useRecordContext<Provider>();
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const { permissions } = usePermissions();
  if (!record || !can(permissions, 'providers:write')) return null;
  return (
    <ShareButton
      what={`provider ${record.name}`}
      ownerTenantId={record.tenantId}
      sharedWith={record.sharedWith}
      share={(tenantIds) => dataProvider.shareProvider(record.id, tenantIds)}
    />
  );
};
