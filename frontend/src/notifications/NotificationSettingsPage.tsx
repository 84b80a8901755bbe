// "Notifications" (from the user menu): the signed-in user's subscriptions — which events, through
// which channel, of their own requests and services or of a whole tenant — with Add, Pause / Resume
// and Remove. Operators and administrators (notifications:tenant) may follow a tenant and post to
// its webhook endpoints; everyone else follows their own.
import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  Stack,
  Switch,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useWatch, type FieldValues } from 'react-hook-form';
import { Confirm, Form, Loading, required, SaveButton, SelectArrayInput, SelectInput, Title, useGetIdentity, useNotify, usePermissions } from 'react-admin';
import { can, type Identity } from '../authProvider';
import { RelativeTime } from '../common/RelativeTime';
import { fieldErrorsOf } from '../common/serverErrors';
import type { NotificationChannel, NotificationEvent } from '../gql/graphql';
import type { Tenant } from '../tenants/api';
import { PATH_SEPARATOR } from '../tenants/tree';
import { nameOf, useTenants } from '../tenants/useTenants';
import { webhookEndpointsApi, type WebhookEndpoint } from '../webhooks/api';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, notificationsApi, OWN_EVENTS, type NotificationSubscription } from './api';

const KEY = ['notificationSubscriptions'];
const choicesOf = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

/** The endpoints a subscription to `tenantId` may post to: the tenant's own and those of the tenants above it. */
const endpointsFor = (endpoints: WebhookEndpoint[], tenants: Tenant[], tenantId: string | null | undefined): WebhookEndpoint[] => {
  if (!tenantId) return [];
  const above = new Set<string>();
  for (let t = tenants.find((x) => x.id === tenantId); t; t = t.parentId ? tenants.find((x) => x.id === t?.parentId) : undefined) above.add(t.id);
  return endpoints.filter((e) => above.has(e.tenantId));
};

/** The tenants one may follow whole: one's own and those below it (where an operator's or administrator's role reaches). */
const followable = (tenants: Tenant[], own: string | undefined): Tenant[] => {
  const ownTenant = tenants.find((t) => t.id === own);
  return ownTenant ? tenants.filter((t) => t.id === ownTenant.id || t.path.startsWith(`${ownTenant.path}${PATH_SEPARATOR}`)) : [];
};

const someEvent = (value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : 'Choose at least one kind of event');

const SubscriptionFields = ({ tenants, endpoints, tenantWide }: { tenants: Tenant[]; endpoints: WebhookEndpoint[]; tenantWide: boolean }) => {
  const channel = useWatch({ name: 'channel' }) as NotificationChannel | undefined;
  const tenantId = useWatch({ name: 'tenantId' }) as string | null | undefined;
  const usable = endpointsFor(endpoints, tenants, tenantId);
  const channels = choicesOf(NOTIFICATION_CHANNELS).filter((c) => tenantWide || c.id !== 'webhook');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column' }}>
      <SelectArrayInput
        source="eventTypes"
        label="Events"
        // Alarms, catalog and repository events belong to a tenant, not to one's own requests.
        choices={choicesOf(NOTIFICATION_EVENTS).filter((c) => tenantId || OWN_EVENTS.includes(c.id as (typeof OWN_EVENTS)[number]))}
        validate={someEvent}
        helperText={tenantId ? 'What to be told of' : 'What to be told of (alarms, catalog and repository events: choose a tenant as the scope)'}
        fullWidth
        data-testid="subscription-events"
      />
      <SelectInput source="channel" label="Channel" choices={channels} validate={required()} helperText={false} fullWidth />
      {channel === 'email' ? (
        <Typography variant="caption" color="text.secondary" sx={{ mt: -1, mb: 2 }}>
          Sent to the e-mail address of your account.
        </Typography>
      ) : null}
      {tenantWide ? (
        <SelectInput
          source="tenantId"
          label="Scope"
          choices={tenants.map((t) => ({ id: t.id, name: `Everything in tenant ${t.path}` }))}
          emptyText="My own requests and services"
          emptyValue=""
          helperText={channel === 'webhook' ? 'A webhook tells of a whole tenant' : 'A tenant: every event of it and of the tenants below it'}
          fullWidth
        />
      ) : null}
      {channel === 'webhook' ? (
        <SelectInput
          source="endpointId"
          label="Endpoint"
          choices={usable.map((e) => ({ id: e.id, name: `${e.name} (${e.url})` }))}
          validate={required('Choose the endpoint to post to')}
          helperText={
            !tenantId
              ? 'Choose the tenant first'
              : usable.length === 0
                ? 'This tenant has no webhook endpoint: add one on the Webhooks page'
                : 'Where the signed POST goes'
          }
          fullWidth
        />
      ) : null}
    </Box>
  );
};

const AddSubscriptionButton = ({ tenants, endpoints, tenantWide }: { tenants: Tenant[]; endpoints: WebhookEndpoint[]; tenantWide: boolean }) => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const submit = async (values: FieldValues) => {
    const channel = values.channel as NotificationChannel;
    try {
      await notificationsApi.subscribe({
        eventTypes: values.eventTypes as NotificationEvent[],
        channel,
        tenantId: typeof values.tenantId === 'string' && values.tenantId !== '' ? values.tenantId : null,
        endpointId: channel === 'webhook' && typeof values.endpointId === 'string' ? values.endpointId : null,
      });
    } catch (error) {
      const errors = fieldErrorsOf(error, { eventTypes: 'The events', tenantId: 'The tenant', endpointId: 'The endpoint' });
      if (errors) return errors;
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    }
    notify('Subscribed', { type: 'success' });
    setOpen(false);
    await queryClient.invalidateQueries({ queryKey: KEY });
    return undefined;
  };
  return (
    <>
      <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        Add subscription
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="add-subscription-title">
        <DialogTitle id="add-subscription-title">New subscription</DialogTitle>
        <Form onSubmit={submit} defaultValues={{ eventTypes: [], channel: 'in_app', tenantId: '', endpointId: null }}>
          <DialogContent sx={{ pt: 0 }}>
            <SubscriptionFields tenants={tenants} endpoints={endpoints} tenantWide={tenantWide} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <SaveButton label="Subscribe" icon={<AddIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

const SubscriptionRow = ({ subscription, tenants, endpoints }: { subscription: NotificationSubscription; tenants: Tenant[]; endpoints: WebhookEndpoint[] }) => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState(false);
  const done = () => queryClient.invalidateQueries({ queryKey: KEY });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => notificationsApi.setEnabled(subscription.id, enabled),
    onSuccess: (s) => notify(s.enabled ? 'Subscription resumed' : 'Subscription paused', { type: 'info' }),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
    onSettled: done,
  });
  const remove = useMutation({
    mutationFn: () => notificationsApi.unsubscribe(subscription.id),
    onSuccess: () => notify('Subscription removed', { type: 'info' }),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
    onSettled: async () => {
      setRemoving(false);
      await done();
    },
  });
  const endpoint = subscription.endpointId ? endpoints.find((e) => e.id === subscription.endpointId) : null;
  const scope = subscription.tenantId ? `everything in tenant ${nameOf(tenants, subscription.tenantId)}` : 'my own requests and services';
  return (
    <Card variant="outlined" data-testid="subscription" data-channel={subscription.channel} data-enabled={subscription.enabled}>
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, '&:last-child': { pb: 2 } }}>
        <Box sx={{ flex: '1 1 240px', minWidth: 0 }}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mb: 0.5 }}>
            {subscription.eventTypes.map((t) => (
              <Chip key={t} size="small" label={NOTIFICATION_EVENTS[t]} data-testid="subscription-event" />
            ))}
          </Box>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="subscription-summary">
            {NOTIFICATION_CHANNELS[subscription.channel]}
            {subscription.channel === 'webhook' ? ` to ${endpoint ? `${endpoint.name} (${endpoint.url})` : 'an endpoint'}` : ''} · {scope}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            Added <RelativeTime value={subscription.createdAt} />
          </Typography>
        </Box>
        <FormControlLabel
          control={<Switch checked={subscription.enabled} disabled={toggle.isPending} onChange={(e) => toggle.mutate(e.target.checked)} />}
          label={subscription.enabled ? 'Active' : 'Paused'}
        />
        <Tooltip title="Remove">
          <IconButton aria-label="Remove subscription" onClick={() => setRemoving(true)}>
            <DeleteIcon />
          </IconButton>
        </Tooltip>
        <Confirm
          isOpen={removing}
          loading={remove.isPending}
          title="Remove this subscription?"
          content="You will no longer be told of these events this way."
          confirm="Remove"
          onConfirm={() => remove.mutate()}
          onClose={() => setRemoving(false)}
        />
      </CardContent>
    </Card>
  );
};

export const NotificationSettingsPage = () => {
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const tenantWide = can(permissions, 'notifications:tenant');
  const { tenants } = useTenants();
  const { data: subscriptions, isPending, error } = useQuery({ queryKey: KEY, queryFn: notificationsApi.subscriptions });
  const { data: endpoints = [] } = useQuery({
    queryKey: ['webhookEndpoints', 'all'],
    queryFn: async () =>
      (await webhookEndpointsApi.getList({ pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' }, filter: {} })).data,
    enabled: tenantWide,
  });
  const mine = followable(tenants, (identity as Identity | undefined)?.tenant.id);
  return (
    <Card sx={{ mt: 2, maxWidth: 900 }} data-testid="notification-settings">
      <Title title="Notifications" />
      <CardHeader
        title="Notification settings"
        subheader={
          tenantWide
            ? 'What you are told of, and how: events of your own requests and services, or of a whole tenant (also by webhook).'
            : 'What you are told of about your own requests and services, and how.'
        }
        action={<AddSubscriptionButton tenants={mine} endpoints={endpoints} tenantWide={tenantWide} />}
        sx={{ flexWrap: 'wrap', gap: 1, '& .MuiCardHeader-action': { alignSelf: 'center', m: 0 } }}
      />
      <CardContent>
        {isPending ? (
          <Loading />
        ) : error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : subscriptions.length === 0 ? (
          <Typography variant="body2" color="text.secondary" data-testid="subscriptions-empty">
            You are subscribed to nothing yet. Add a subscription to be told when your orders finish or fail, in the app (the bell), by e-mail
            {tenantWide ? ' or by webhook' : ''}.
          </Typography>
        ) : (
          <Stack spacing={1}>
            {subscriptions.map((s) => (
              <SubscriptionRow key={s.id} subscription={s} tenants={tenants} endpoints={endpoints} />
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
