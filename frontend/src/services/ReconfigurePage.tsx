// Reconfigures a service: its catalog item's dialog, filled with the values the service has now;
// only the fields the dialog marks reconfigurable can be changed (the others are shown read-only).
// Saving starts a reconfiguration request, which is opened.
import TuneIcon from '@mui/icons-material/Tune';
import { Card, CardContent, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { Create, Loading, useGetOne } from 'react-admin';
import { DialogForm } from '../dialogs/DialogForm';
import type { Dialog } from '../dialogs/types';
import { collectDialogValues } from '../dialogs/validation';
import type { Service } from './api';
import type { CatalogItem } from '../catalog/api';

/** The dialog with every field that may not change made read-only. */
const lockFixedFields = (dialog: Dialog, changeable: string[]): Dialog => ({
  ...dialog,
  tabs: dialog.tabs.map((tab) => ({
    ...tab,
    boxes: tab.boxes.map((box) => ({
      ...box,
      fields: box.fields.map((field) => (changeable.includes(field.name) ? field : { ...field, readOnly: true })),
    })),
  })),
});

const Problem = ({ message }: { message: string }) => (
  <Card sx={{ mt: 2 }}>
    <CardContent>
      <Typography color="error" data-testid="reconfigure-problem">
        {message}
      </Typography>
    </CardContent>
  </Card>
);

export const ReconfigurePage = () => {
  const { id } = useParams<'id'>();
  const { data: service, isPending, error } = useGetOne<Service>('services', { id: id ?? '' }, { enabled: !!id });
  const templateId = service?.request?.template?.id;
  const { data: template, isPending: templatePending } = useGetOne<CatalogItem>('catalog', { id: templateId ?? '' }, { enabled: !!templateId });
  const changeable = service?.configuration.reconfigurableFields;
  const dialog = useMemo(() => (template?.dialog && changeable ? lockFixedFields(template.dialog, changeable) : null), [template, changeable]);
  if (isPending || (templateId && (templatePending || (template && !template.dialog)))) return <Loading />;
  if (error || !service) return <Problem message={error?.message ?? 'This service does not exist.'} />;
  if (!changeable?.length || !template || !dialog) {
    return (
      <Problem
        message={`${service.name} cannot be reconfigured: ${service.status !== 'active' ? `it is ${service.status}` : 'its catalog item has no reconfigure playbook or no reconfigurable field'}.`}
      />
    );
  }
  return (
    <Create
      resource="serviceRequests"
      title={`Reconfigure: ${service.name}`}
      redirect="show"
      mutationMode="pessimistic"
      transform={(values: Record<string, unknown>) => {
        const all = collectDialogValues(dialog, values);
        // Only what may change is sent; the server keeps the rest as the service has it.
        return { reconfigureServiceId: service.id, dialogValues: Object.fromEntries(Object.entries(all).filter(([name]) => changeable.includes(name))) };
      }}
    >
      <DialogForm dialog={dialog} values={service.configuration.values} submitLabel="Reconfigure" submitIcon={<TuneIcon />} />
    </Create>
  );
};
