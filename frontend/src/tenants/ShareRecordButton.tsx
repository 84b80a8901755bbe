// "Share" for the record on screen, shown to those with `permission`: its shares replaced with the
// tenants picked (see ShareButton). Used by providers, git repositories and inventories.
import { useDataProvider, usePermissions, useRecordContext } from 'react-admin';
import { can } from '../authProvider';
import type { SuperfluidDataProvider } from '../dataProvider';
import { ShareButton } from './ShareButton';

interface Shareable {
  id: string;
  name: string;
  tenantId: string;
  sharedWith: readonly string[];
}

export const ShareRecordButton = <T extends Shareable>({
  permission,
  kind,
  share,
}: {
  permission: string;
  /** What the record is, as the dialog names it: `repository`. */
  kind: string;
  share: (dataProvider: SuperfluidDataProvider, record: T, tenantIds: string[]) => Promise<unknown>;
}) => {
  const record = useRecordContext<T>();
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const { permissions } = usePermissions();
  if (!record || !can(permissions, permission)) return null;
  return (
    <ShareButton
      what={`${kind} ${record.name}`}
      ownerTenantId={record.tenantId}
      sharedWith={record.sharedWith}
      share={(tenantIds) => share(dataProvider, record, tenantIds)}
    />
  );
};
