// The home page: what happened to the orders the user may see over the last days, and what waits
// and runs now. Who reads every request of their tenants (requests:all: operators, approvers,
// auditors, administrators) also sees run times per catalog item and, with providers:read, the
// providers' health; a requester sees their own orders. Every figure and chart opens the list it
// counts (the requests list filtered through its URL, or the provider's page).
import { type ReactNode, useState } from 'react';
import { Box, Card, CardActionArea, CardContent, CardHeader, Chip, Link as MuiLink, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, usePermissions } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../authProvider';
import { duration } from '../common/format';
import { type Dashboard as Figures, dashboardApi, type DashboardItem, requestsListPath } from './api';

const WINDOWS = [7, 30, 90] as const;
const COLOURS = { finished: '#2e7d32', failed: '#d32f2f', open: '#1976d2', stopped: '#9e9e9e', p50: '#0288d1', p95: '#7b1fa2' };

/** A day (yyyy-mm-dd) as the axis shows it: "3 Dec". */
const dayLabel = (day: string): string => new Date(`${day}T12:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

const itemName = (item: DashboardItem): string => item.template?.name ?? `item ${item.templateId.slice(0, 8)}`;

/** A figure that opens its list. */
const Figure = ({ label, value, caption, to, testId }: { label: string; value: ReactNode; caption: ReactNode; to: string; testId: string }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardActionArea component={Link} to={to} sx={{ height: '100%', p: 2 }} data-testid={testId}>
      <Typography variant="overline" color="text.secondary" component="div" noWrap>
        {label}
      </Typography>
      <Typography variant="h4" component="div" data-testid={`${testId}-value`}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {caption}
      </Typography>
    </CardActionArea>
  </Card>
);

/** A chart in a card, with the link to the list it draws under it. */
const ChartCard = ({
  title,
  subheader,
  testId,
  link,
  children,
}: {
  title: string;
  subheader: string;
  testId: string;
  link?: { to: string; label: string };
  children: ReactNode;
}) => (
  <Card variant="outlined" data-testid={testId} sx={{ minWidth: 0 }}>
    <CardHeader title={title} subheader={subheader} slotProps={{ title: { variant: 'h6' }, subheader: { variant: 'body2' } }} />
    <CardContent sx={{ pt: 0 }}>
      {children}
      {link ? (
        <MuiLink component={Link} to={link.to} variant="body2" data-testid={`${testId}-link`}>
          {link.label}
        </MuiLink>
      ) : null}
    </CardContent>
  </Card>
);

const Empty = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 3 }}>
    {children}
  </Typography>
);

/** Orders created each day, stacked by how they stand; a bar opens that day's orders (of that outcome, for finished and failed). */
const OrdersPerDay = ({ figures }: { figures: Figures }) => {
  const navigate = useNavigate();
  const days = figures.ordersPerDay;
  const series = (['finished', 'failed', 'open', 'stopped'] as const).map((key) => ({
    id: key,
    label: { finished: 'Finished', failed: 'Failed', open: 'Not ended', stopped: 'Canceled or denied' }[key],
    data: days.map((d) => d[key]),
    stack: 'orders',
    color: COLOURS[key],
  }));
  return (
    <ChartCard
      title="Orders per day"
      subheader={`${figures.orders} in the last ${figures.days} days: click a bar for its orders.`}
      testId="chart-orders-per-day"
      link={{ to: requestsListPath({ action: 'provision', createdFrom: figures.firstDay }), label: 'All orders of these days' }}
    >
      <BarChart
        skipAnimation
        height={260}
        series={series}
        xAxis={[
          {
            scaleType: 'band',
            data: days.map((d) => d.day),
            valueFormatter: dayLabel,
          },
        ]}
        // Whole orders; with none at all the axis still runs 0 to 1 (an empty domain drew one "0.0…" tick).
        yAxis={[{ tickMinStep: 1, min: 0, ...(figures.orders === 0 ? { max: 1 } : {}) }]}
        onItemClick={(_event, item) => {
          const day = days[item.dataIndex]?.day;
          if (!day) return;
          const filter: Record<string, string> = { action: 'provision', createdFrom: day, createdTo: day };
          if (item.seriesId === 'finished' || item.seriesId === 'failed') filter.status = item.seriesId;
          void navigate(requestsListPath(filter));
        }}
        margin={{ left: 0, right: 24 }}
        slotProps={{ legend: { direction: 'horizontal', position: { vertical: 'bottom', horizontal: 'center' } } }}
      />
    </ChartCard>
  );
};

/** Horizontal bars, one row per catalog item; a bar opens that item's orders (`filterOf` says which). */
const ItemBars = ({
  items,
  series,
  format,
  filterOf,
}: {
  items: DashboardItem[];
  series: { id: string; label: string; value: (i: DashboardItem) => number | null; color: string }[];
  format?: (v: number | null) => string;
  filterOf: (item: DashboardItem) => Record<string, string>;
}) => {
  const navigate = useNavigate();
  return (
    <BarChart
      skipAnimation
      layout="horizontal"
      height={70 + items.length * (series.length > 1 ? 44 : 32)}
      yAxis={[{ scaleType: 'band', data: items.map(itemName), width: 110 }]}
      xAxis={[{ tickMinStep: 1, ...(format ? { valueFormatter: (v: number | null) => format(v) } : {}) }]}
      series={series.map((s) => ({
        id: s.id,
        label: s.label,
        color: s.color,
        data: items.map(s.value),
        ...(format ? { valueFormatter: (v: number | null) => format(v) } : {}),
      }))}
      onItemClick={(_event, item) => {
        const chosen = items[item.dataIndex];
        if (chosen) void navigate(requestsListPath(filterOf(chosen)));
      }}
      hideLegend={series.length < 2}
      margin={{ right: 16 }}
      slotProps={{ legend: { direction: 'horizontal', position: { vertical: 'bottom', horizontal: 'center' } } }}
    />
  );
};

const RunTimes = ({ figures }: { figures: Figures }) => {
  const items = figures.items.filter((i) => i.durationP50Seconds !== null).slice(0, 10);
  return (
    <ChartCard
      title="Run time per catalog item"
      subheader="Median and 95th percentile of finished orders, from the first playbook’s start to the end."
      testId="chart-run-times"
      link={{ to: requestsListPath({ action: 'provision', status: 'finished', createdFrom: figures.firstDay }), label: 'Finished orders of these days' }}
    >
      {items.length ? (
        <ItemBars
          items={items}
          format={duration}
          series={[
            { id: 'p50', label: 'p50', value: (i) => i.durationP50Seconds, color: COLOURS.p50 },
            { id: 'p95', label: 'p95', value: (i) => i.durationP95Seconds, color: COLOURS.p95 },
          ]}
          filterOf={(i) => ({ action: 'provision', status: 'finished', templateId: i.templateId, createdFrom: figures.firstDay })}
        />
      ) : (
        <Empty>No order finished in these days.</Empty>
      )}
    </ChartCard>
  );
};

const FailingItems = ({ figures }: { figures: Figures }) => (
  <ChartCard
    title="Failing items"
    subheader="The catalog items whose orders failed most: click one for its failed orders."
    testId="chart-failing-items"
    link={{ to: requestsListPath({ action: 'provision', status: 'failed', createdFrom: figures.firstDay }), label: 'Failed orders of these days' }}
  >
    {figures.failingItems.length ? (
      <ItemBars
        items={figures.failingItems}
        series={[{ id: 'failed', label: 'Failed', value: (i) => i.failed, color: COLOURS.failed }]}
        filterOf={(i) => ({ action: 'provision', status: 'failed', templateId: i.templateId, createdFrom: figures.firstDay })}
      />
    ) : (
      <Empty>No order failed in these days.</Empty>
    )}
  </ChartCard>
);

/** Each provider's share of health checks that found it up, per day; its chip opens its page (its checks, its alarms). */
const ProviderHealth = ({ figures }: { figures: Figures }) => {
  const providers = figures.providerHealth;
  const days = providers[0]?.days.map((d) => d.day) ?? [];
  return (
    <ChartCard
      title="Provider health"
      subheader="Share of health checks that found each provider up, per day (no point: not checked that day)."
      testId="chart-provider-health"
    >
      <LineChart
        skipAnimation
        height={240}
        xAxis={[{ scaleType: 'point', data: days, valueFormatter: dayLabel }]}
        yAxis={[{ min: 0, max: 100, valueFormatter: (v: number | null) => `${v ?? 0}%` }]}
        series={providers.slice(0, 10).map((p) => ({
          id: p.providerId,
          label: p.name,
          data: p.days.map((d) => (d.checks ? Math.round((d.up / d.checks) * 1000) / 10 : null)),
          valueFormatter: (v: number | null) => (v === null ? 'not checked' : `${v}% up`),
          // A day checked between days not checked is a lone point: its mark shows it.
          showMark: true,
        }))}
        margin={{ left: 0, right: 24 }}
        slotProps={{ legend: { direction: 'horizontal', position: { vertical: 'bottom', horizontal: 'center' } } }}
      />
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 1 }}>
        {providers.map((p) => (
          <Chip
            key={p.providerId}
            component={Link}
            to={`/providers/${encodeURIComponent(p.providerId)}/show`}
            clickable
            size="small"
            label={`${p.name}: ${p.status}`}
            color={p.status === 'up' ? 'success' : p.status === 'down' ? 'error' : 'default'}
            data-testid="provider-health-link"
          />
        ))}
      </Stack>
    </ChartCard>
  );
};

const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } } as const;

export const Dashboard = () => {
  const { permissions } = usePermissions();
  const broad = can(permissions, 'requests:all');
  const [days, setDays] = useState<number>(30);
  const { data, error, isPending } = useQuery({ queryKey: ['dashboard', days], queryFn: () => dashboardApi.get(days), refetchInterval: 30_000 });
  const title = broad ? 'Dashboard' : 'My orders';
  return (
    <Box sx={{ mt: 2, mb: 4, minWidth: 0 }} data-testid="dashboard" data-broad={broad}>
      <Title title={title} />
      <Stack direction="row" useFlexGap spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h5" component="h1">
          {broad ? 'Orders of your tenants' : 'Your orders'}
        </Typography>
        <ToggleButtonGroup size="small" exclusive value={days} onChange={(_e, value: number | null) => value && setDays(value)} aria-label="Window">
          {WINDOWS.map((n) => (
            <ToggleButton key={n} value={n} data-testid={`window-${n}`}>
              {n} days
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      {isPending ? (
        <Loading />
      ) : error || !data ? (
        <Typography color="error">{error?.message ?? 'The figures could not be read.'}</Typography>
      ) : (
        <DashboardFigures figures={data} broad={broad} />
      )}
    </Box>
  );
};

const DashboardFigures = ({ figures, broad }: { figures: Figures; broad: boolean }) => {
  const ended = figures.finished + figures.failed;
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' } }}>
        <Figure
          label="Orders"
          value={figures.orders}
          caption={`in the last ${figures.days} days`}
          to={requestsListPath({ action: 'provision', createdFrom: figures.firstDay })}
          testId="figure-orders"
        />
        <Figure
          label="Success rate"
          value={figures.successRate === null ? '—' : `${Math.round(figures.successRate * 100)}%`}
          caption={ended ? `${figures.failed} failed of ${ended} ended` : 'none ended yet'}
          to={requestsListPath({ action: 'provision', status: 'failed', createdFrom: figures.firstDay })}
          testId="figure-success"
        />
        <Figure
          label="Pending approval"
          value={figures.pendingApprovals}
          caption="requests waiting now"
          to={requestsListPath({ status: 'pending_approval' })}
          testId="figure-approvals"
        />
        <Figure
          label="Running jobs"
          value={figures.runningJobs}
          caption={`in ${figures.runningRequests} running request${figures.runningRequests === 1 ? '' : 's'}`}
          to={requestsListPath({ status: 'running' })}
          testId="figure-running"
        />
      </Box>
      <OrdersPerDay figures={figures} />
      {broad ? (
        <Box sx={grid}>
          <RunTimes figures={figures} />
          <FailingItems figures={figures} />
        </Box>
      ) : figures.failingItems.length ? (
        <FailingItems figures={figures} />
      ) : null}
      {figures.providerHealth.length ? <ProviderHealth figures={figures} /> : null}
    </Stack>
  );
};
