// An endpoint's delivery log, newest first: the event and its title, the outcome (delivered,
// retrying with the next try's time, failed), tries, the receiver's last HTTP status and error,
// when — and "Re-send" on each. It reads itself again every few seconds while a delivery is under way.
import { useState, type ReactNode } from 'react';
import ResendIcon from '@mui/icons-material/Send';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type ChipProps,
  type Theme,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import { formatDateTime } from '../common/format';
import { RelativeTime, useNow } from '../common/RelativeTime';
import type { SuperfluidDataProvider } from '../dataProvider';
import { NOTIFICATION_EVENTS } from '../notifications/api';
import type { NotificationDelivery } from './api';

const PAGE = 25;
const LIVE_MS = 2_000;
const IDLE_MS = 15_000;
/** RelativeTime says "now" under 45 s either way. */
const SOON_MS = 45_000;

type Outcome = 'delivered' | 'retrying' | 'pending' | 'failed';
const outcomeOf = (d: NotificationDelivery): Outcome =>
  d.status === 'delivered' ? 'delivered' : d.status === 'failed' ? 'failed' : d.attempts > 0 ? 'retrying' : 'pending';
const COLOURS: Record<Outcome, ChipProps['color']> = { delivered: 'success', retrying: 'warning', pending: 'info', failed: 'error' };

const OutcomeChip = ({ delivery }: { delivery: NotificationDelivery }) => {
  const outcome = outcomeOf(delivery);
  return <Chip size="small" label={outcome} color={COLOURS[outcome]} data-testid="delivery-status" data-status={outcome} />;
};

/** When it was delivered, or when the next try is due. */
const When = ({ delivery }: { delivery: NotificationDelivery }) => {
  if (delivery.deliveredAt)
    return (
      <>
        delivered <RelativeTime value={delivery.deliveredAt} />
      </>
    );
  if (delivery.status === 'pending' && delivery.nextAttemptAt) return <NextTry at={delivery.nextAttemptAt} />;
  return null;
};

/** "next try in 5 minutes"; one due within the clock's tick (or late) is "next try in a moment". */
const NextTry = ({ at }: { at: string }) => {
  const now = useNow();
  if (Date.parse(at) - now < SOON_MS) return <span title={formatDateTime(at)}>next try in a moment</span>;
  return (
    <>
      next try <RelativeTime value={at} />
    </>
  );
};

const ResendButton = ({ delivery, onDone }: { delivery: NotificationDelivery; onDone: () => unknown }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.resendWebhookDelivery(delivery.id),
    onSuccess: () => notify('Sending it again', { type: 'info' }),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
    onSettled: onDone,
  });
  // A delivery never tried yet is on its way already (the server refuses to send it twice).
  const untried = delivery.status === 'pending' && delivery.attempts === 0;
  return (
    <Button size="small" startIcon={<ResendIcon />} disabled={isPending || untried} onClick={() => mutate()} aria-label={`Re-send ${delivery.title}`}>
      Re-send
    </Button>
  );
};

const Caption = ({ children }: { children: ReactNode }) => (
  <Typography variant="caption" color="text.secondary" component="div">
    {children}
  </Typography>
);

const DeliveryCards = ({ rows, onDone }: { rows: NotificationDelivery[]; onDone: () => unknown }) => (
  <Stack spacing={1}>
    {rows.map((d) => (
      <Card key={d.id} variant="outlined" data-testid="delivery" data-delivery-id={d.id}>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 0.75, '&:last-child': { pb: 2 } }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <OutcomeChip delivery={d} />
            <Typography variant="caption" color="text.secondary">
              {NOTIFICATION_EVENTS[d.eventType]} · <RelativeTime value={d.createdAt} />
            </Typography>
          </Box>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {d.title}
          </Typography>
          <Caption>
            {d.attempts === 1 ? '1 try' : `${d.attempts} tries`} · HTTP <span data-testid="delivery-code">{d.responseCode ?? '—'}</span>
            {d.deliveredAt || d.nextAttemptAt ? ' · ' : ''}
            <When delivery={d} />
          </Caption>
          {d.lastError ? (
            <Typography variant="caption" color="error" sx={{ overflowWrap: 'anywhere' }} data-testid="delivery-error">
              {d.lastError}
            </Typography>
          ) : null}
          <Box>
            <ResendButton delivery={d} onDone={onDone} />
          </Box>
        </CardContent>
      </Card>
    ))}
  </Stack>
);

const DeliveryTable = ({ rows, onDone }: { rows: NotificationDelivery[]; onDone: () => unknown }) => (
  <Table size="small" sx={{ '& td': { verticalAlign: 'top' } }}>
    <TableHead>
      <TableRow>
        <TableCell>Event</TableCell>
        <TableCell>Status</TableCell>
        <TableCell align="right">Tries</TableCell>
        <TableCell align="right">Code</TableCell>
        <TableCell>Last error</TableCell>
        <TableCell>Sent</TableCell>
        <TableCell />
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((d) => (
        <TableRow key={d.id} data-testid="delivery" data-delivery-id={d.id}>
          <TableCell sx={{ maxWidth: 320 }}>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {d.title}
            </Typography>
            <Caption>{NOTIFICATION_EVENTS[d.eventType]}</Caption>
          </TableCell>
          <TableCell>
            <OutcomeChip delivery={d} />
          </TableCell>
          <TableCell align="right" data-testid="delivery-attempts">
            {d.attempts}
          </TableCell>
          <TableCell align="right" data-testid="delivery-code">
            {d.responseCode ?? '—'}
          </TableCell>
          <TableCell sx={{ maxWidth: 260, overflowWrap: 'anywhere' }} data-testid="delivery-error">
            {d.lastError ?? '—'}
          </TableCell>
          <TableCell>
            <RelativeTime value={d.createdAt} />
            <Caption>
              <When delivery={d} />
            </Caption>
          </TableCell>
          <TableCell>
            <ResendButton delivery={d} onDone={onDone} />
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

export const DeliveryLog = ({ endpointId }: { endpointId: string }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const [page, setPage] = useState(0);
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['webhookDeliveries', endpointId, page],
    queryFn: async () => (await dataProvider.getWebhookDeliveries(endpointId, page * PAGE, PAGE + 1)).data,
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'pending') ? LIVE_MS : IDLE_MS),
  });
  const rows = (data ?? []).slice(0, PAGE);
  const more = (data?.length ?? 0) > PAGE;
  return (
    <Card variant="outlined" component="section" aria-label="Deliveries" data-testid="delivery-log">
      <CardHeader
        title="Deliveries"
        subheader="Each event sent to this endpoint, newest first. A failed try is retried with back-off; Re-send tries once more now."
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
      />
      <CardContent sx={{ pt: 0, overflowX: 'auto' }}>
        {error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : isPending ? (
          <Typography color="text.secondary">Loading…</Typography>
        ) : rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary" data-testid="deliveries-empty">
            {page === 0 ? 'Nothing sent yet. Subscribe a tenant to events through this endpoint in the notification settings.' : 'No older delivery.'}
          </Typography>
        ) : small ? (
          <DeliveryCards rows={rows} onDone={refetch} />
        ) : (
          <DeliveryTable rows={rows} onDone={refetch} />
        )}
        {page > 0 || more ? (
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, mt: 1 }}>
            <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </Button>
            <Button size="small" disabled={!more} onClick={() => setPage(page + 1)}>
              Older
            </Button>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};
