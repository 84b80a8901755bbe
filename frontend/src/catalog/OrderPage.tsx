// The order form of one catalog item: the item's dialog (and, under "Advanced", the job options the
// item lets an order set), saved as a new service request. `?from=<request id>` ("Order again")
// starts from that request's values; secret fields start empty, as they were never stored in clear.
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import PreviewIcon from '@mui/icons-material/Preview';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Create, type Identifier, Loading, SaveButton, useGetOne, useNotify, useRedirect } from 'react-admin';
import { ApprovalNote } from '../approvals/ApprovalNote';
import { Markdown } from '../common/Markdown';
import { DialogForm } from '../dialogs/DialogForm';
import { collectDialogValues } from '../dialogs/validation';
import { dialogFields, type DialogValues } from '../dialogs/types';
import type { ServiceRequest } from '../serviceRequests/api';
import type { CatalogItem } from './api';
import { CatalogIcon } from './CatalogIcon';
import { JobOptionsBox, jobOptionsOf } from './JobOptionsBox';
import { type Lifetime, RetireOnBox, retiresAtOf } from './RetireOnBox';
import { ScheduleOrderButton } from '../schedules/ScheduleOrderButton';

/** The item beside its form: icon, name, catalog, and the long description as markdown. */
const AboutItem = ({ template }: { template: CatalogItem }) => (
  // Beside the form on a wide screen; on a phone the form takes the width (the catalog card said what the item is).
  <Card
    sx={{ ml: 2, mt: 0, width: 340, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', md: 'block' } }}
    variant="outlined"
    component="aside"
    aria-label="About this item"
  >
    <CardContent>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1.5 }}>
        <CatalogIcon icon={template.icon} type={template.type} size={40} />
        <Box>
          <Typography variant="subtitle1" component="h2" sx={{ lineHeight: 1.2 }}>
            {template.dialog.label || template.name}
          </Typography>
          <Chip size="small" label={template.catalog} sx={{ mt: 0.5 }} />
        </Box>
      </Stack>
      {template.longDescription ? (
        <Markdown source={template.longDescription} testId="long-description" />
      ) : (
        <Typography variant="body2" color="text.secondary">
          {template.description ?? 'No description.'}
        </Typography>
      )}
    </CardContent>
  </Card>
);

export const OrderPage = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const { id } = useParams<'id'>();
  const { data: template, isPending, error } = useGetOne<CatalogItem>('catalog', { id: id ?? '' }, { enabled: !!id });
  const [search] = useSearchParams();
  const from = search.get('from');
  const { data: earlier, isPending: earlierPending } = useGetOne<ServiceRequest>('serviceRequests', { id: from ?? '' }, { enabled: !!from });
  const values = useMemo(() => {
    if (!template?.dialog || !earlier || earlier.template?.id !== template.id) return undefined;
    const secret = new Set(
      dialogFields(template.dialog)
        .filter((f) => f.type === 'password')
        .map((f) => f.name),
    );
    return Object.fromEntries(Object.entries(earlier.dialogValues ?? {}).filter(([name]) => !secret.has(name))) as DialogValues;
  }, [template, earlier]);
  // A record seeded from the catalog list has no dialog yet: wait for the full one.
  if (isPending || (template && !template.dialog) || (from && earlierPending)) return <Loading />;
  if (error || !template) {
    return (
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography color="error">{error?.message ?? 'This catalog item does not exist.'}</Typography>
        </CardContent>
      </Card>
    );
  }
  const title = `Order: ${template.dialog.label || template.name}`;
  const toOrder = (form: Record<string, unknown>) => ({
    templateId: template.id,
    dialogValues: collectDialogValues(template.dialog, form),
    jobOptions: jobOptionsOf(form, template.orderOptions),
    retiresAt: retiresAtOf(form),
  });
  return (
    <Create resource="serviceRequests" title={title} redirect="show" mutationMode="pessimistic" transform={toOrder} aside={<AboutItem template={template} />}>
      <DialogForm
        dialog={template.dialog}
        values={values}
        submitLabel="Order"
        submitIcon={<ShoppingCartIcon />}
        actions={
          <>
            <SaveButton
              label="Preview"
              type="button"
              icon={<PreviewIcon />}
              variant="outlined"
              alwaysEnable
              transform={(form: Record<string, unknown>) => ({ ...toOrder(form), preview: true })}
              mutationOptions={{
                onSuccess: (request: { id: Identifier }) => {
                  notify('Preview started: the playbooks run in check mode (--check --diff)', { type: 'info' });
                  redirect('show', 'serviceRequests', request.id);
                },
              }}
              data-testid="preview-order"
            />
            <ScheduleOrderButton itemName={template.dialog.label || template.name} toOrder={toOrder} />
          </>
        }
        extra={
          <>
            <ApprovalNote policy={template.approval} />
            <RetireOnBox lifetime={template.lifetime as Lifetime | null} />
            <JobOptionsBox options={template.orderOptions} />
          </>
        }
      />
    </Create>
  );
};
