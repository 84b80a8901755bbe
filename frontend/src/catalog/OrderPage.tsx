// The order form of one catalog item: the item's dialog, saved as a new service request.
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { useParams } from 'react-router-dom';
import { Create, Loading, useGetOne } from 'react-admin';
import { Markdown } from '../common/Markdown';
import { DialogForm } from '../dialogs/DialogForm';
import { collectDialogValues } from '../dialogs/validation';
import type { CatalogItem } from './api';
import { CatalogIcon } from './CatalogIcon';

/** The item beside its form: icon, name, catalog, and the long description as markdown. */
const AboutItem = ({ template }: { template: CatalogItem }) => (
  <Card sx={{ ml: 2, mt: 0, width: 340, flexShrink: 0, alignSelf: 'flex-start' }} variant="outlined" component="aside" aria-label="About this item">
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
  const { id } = useParams<'id'>();
  const { data: template, isPending, error } = useGetOne<CatalogItem>('catalog', { id: id ?? '' }, { enabled: !!id });
  // A record seeded from the catalog list has no dialog yet: wait for the full one.
  if (isPending || (template && !template.dialog)) return <Loading />;
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
  return (
    <Create
      resource="serviceRequests"
      title={title}
      redirect="show"
      mutationMode="pessimistic"
      transform={(values: Record<string, unknown>) => ({
        templateId: template.id,
        dialogValues: collectDialogValues(template.dialog, values),
      })}
      aside={<AboutItem template={template} />}
    >
      <DialogForm dialog={template.dialog} submitLabel="Order" submitIcon={<ShoppingCartIcon />} />
    </Create>
  );
};
