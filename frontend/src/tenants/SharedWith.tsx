// Whose an object is and whom it is shared with: "Tenant: Root · Shared with: [East] [West]", or, in
// a list column, the chips alone.
import { Box, Chip, Typography } from '@mui/material';
import { nameOf, useTenants } from './useTenants';

export const SharedWith = ({ ownerTenantId, sharedWith, compact = false }: { ownerTenantId: string; sharedWith: readonly string[]; compact?: boolean }) => {
  const { tenants } = useTenants();
  const chips =
    sharedWith.length === 0 ? (
      <Typography variant="body2" color="text.secondary" component="span">
        {compact ? '—' : 'no other tenant'}
      </Typography>
    ) : (
      sharedWith.map((id) => <Chip key={id} size="small" label={nameOf(tenants, id)} data-testid="shared-with-tenant" sx={{ maxWidth: 200 }} />)
    );
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5, minWidth: 0 }} data-testid="shared-with">
      {compact ? null : (
        <>
          <Typography variant="body2" color="text.secondary" component="span" sx={{ mr: 1.5 }}>
            Tenant: <span data-testid="owner-tenant">{nameOf(tenants, ownerTenantId)}</span>
          </Typography>
          <Typography variant="body2" color="text.secondary" component="span">
            Shared with:
          </Typography>
        </>
      )}
      {chips}
    </Box>
  );
};
