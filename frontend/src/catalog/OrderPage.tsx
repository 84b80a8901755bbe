// The order form of one catalog item: the item's dialog, saved as a new service request.
import { Card, CardContent, Typography } from '@mui/material';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { useParams } from 'react-router-dom';
import { Create, Loading, useGetOne } from 'react-admin';
import { DialogForm } from '../dialogs/DialogForm';
import { collectDialogValues } from '../dialogs/validation';
import type { ServiceTemplate } from '../types';

export const OrderPage = () => {
  const { id } = useParams<'id'>();
  const { data: template, isPending, error } = useGetOne<ServiceTemplate>('catalog', { id: id ?? '' }, { enabled: !!id });
  if (isPending) return <Loading />;
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
        aside={
          template.description ? (
            <Card sx={{ ml: 2, mt: 0, width: 280, flexShrink: 0, alignSelf: 'flex-start' }} variant="outlined">
              <CardContent>
                <Typography variant="subtitle2" gutterBottom>
                  {template.dialog.label || template.name}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {template.description}
                </Typography>
              </CardContent>
            </Card>
          ) : undefined
        }
      >
        <DialogForm dialog={template.dialog} submitLabel="Order" submitIcon={<ShoppingCartIcon />} />
      </Create>
  );
};
