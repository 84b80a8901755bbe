import { Edit, TopToolbar, useRecordContext } from 'react-admin';
import type { Tenant } from './api';
import { DeleteTenantButton } from './DeleteTenantButton';
import { TenantForm } from './TenantForm';
import { TenantQuotas } from '../quotas/TenantQuotas';

const Quotas = () => {
  const record = useRecordContext<Tenant>();
  return record ? <TenantQuotas tenantId={record.id} tenantName={record.name} /> : null;
};

const Title = () => {
  const record = useRecordContext<Tenant>();
  return <>{record ? `Tenant ${record.name}` : 'Tenant'}</>;
};

export const TenantEdit = () => (
  <Edit
    title={<Title />}
    redirect="list"
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <DeleteTenantButton />
      </TopToolbar>
    }
  >
    <TenantForm submitLabel="Save" />
    <Quotas />
  </Edit>
);
