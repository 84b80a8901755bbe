// "Share" for a catalog item (catalog:write): its shares replaced with the tenants picked. Items from
// catalog files or a repository can be shared too: sharing is not part of the item's definition.
import { useDataProvider, usePermissions } from 'react-admin';
import { can } from '../authProvider';
import type { SuperfluidDataProvider } from '../dataProvider';
import { ShareButton } from '../tenants/ShareButton';
import type { TemplateRecord } from './api';

export const ShareTemplateButton = ({ record, size }: { record: TemplateRecord; size?: 'small' | 'medium' }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const { permissions } = usePermissions();
  if (!can(permissions, 'catalog:write')) return null;
  return (
    <ShareButton
      what={`catalog item ${record.name}`}
      ownerTenantId={record.tenantId}
      sharedWith={record.sharedWith}
      share={(tenantIds) => dataProvider.shareServiceTemplate(record.id, tenantIds)}
      size={size}
    />
  );
};
