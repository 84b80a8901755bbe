// One service request, live: status (serviceRequestUpdated subscription, polling as a fallback),
// its state machine's progress, the dialog values it ran with and its own outputs (not the
// service's, which later requests may change), each job with its log and task results, and the
// service it produced. Every request follows a state machine; one of several items (a bundle, a
// retirement, a reconfiguration, a rollback) shows its sites (multi-site bundles) and its items by
// index instead of a plain list of jobs, with the items' logs in a tab of their own (an item's or a
// site's "Log" opens it), and can be resumed when it failed. A request not yet
// started (pending, queued) can be canceled. Request ids named
// in the message (a rollback) are links.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardHeader, Divider, Stack, Tab, Tabs, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Loading, Show, useShowContext } from 'react-admin';
import { watchRequest } from './live';
import { StatusChip } from '../common/StatusChip';
import { RelativeTime } from '../common/RelativeTime';
import { isTerminalRequestStatus, type RequestStatus, type ServiceRequest } from './api';
import { BundleItems, ItemLogs, useItemLogs } from './BundleItems';
import { CancelRequestButton } from './CancelRequestButton';
import { OrderAgainButton } from './OrderAgainButton';
import { Fact, JobCard } from './JobCard';
import { LinkedMessage } from './RequestLinks';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { RequestOutputs, RequestValues } from './RequestValues';
import { ResumeButton } from './ResumeButton';
import { SiteProgress } from './SiteProgress';
import { StateMachineProgress } from './StateMachineProgress';

/** Keeps the shown request current while it is not finished. */
const useLiveRequest = (request: ServiceRequest | undefined, refetch: () => unknown) => {
  const [subscriptionFailed, setSubscriptionFailed] = useState(false);
  const id = request?.id;
  const live = request !== undefined && !isTerminalRequestStatus(request.status);

  useEffect(() => {
    if (!id || !live) return undefined;
    return watchRequest(
      id,
      () => void refetch(),
      () => setSubscriptionFailed(true),
    );
  }, [id, live, refetch]);

  // Fallback polling: every second when the subscription failed, and a slow safety net otherwise
  // (a change between the first load and the subscription starting would otherwise be missed).
  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => void refetch(), subscriptionFailed ? 1000 : 5000);
    return () => clearInterval(timer);
  }, [live, subscriptionFailed, refetch]);
};

const MESSAGE_SEVERITY: Record<RequestStatus, 'error' | 'warning' | 'info' | 'success'> = {
  pending: 'info',
  queued: 'info',
  running: 'info',
  pending_approval: 'warning',
  finished: 'info',
  failed: 'error',
  canceled: 'warning',
  denied: 'error',
};

type BundleTab = 'overview' | 'logs';

const RequestDetails = () => {
  const { record, isPending, refetch } = useShowContext<ServiceRequest>();
  useLiveRequest(record, refetch);
  // A bundle's tab, for the request it was chosen on (a link to another request shows its overview).
  const [tabOf, setTabOf] = useState<{ id: string | undefined; tab: BundleTab }>({ id: undefined, tab: 'overview' });
  const tab: BundleTab = tabOf.id === record?.id ? tabOf.tab : 'overview';
  const setTab = (next: BundleTab) => setTabOf({ id: record?.id, tab: next });
  const logs = useItemLogs(() => setTab('logs'));
  if (isPending || !record) return <Loading />;
  // A single playbook, as ordered (or previewed): its one item is its job.
  const single =
    (record.machine?.action === 'provision' || record.machine?.action === 'preview') && record.items.length === 1 && record.items[0].name === 'main';
  const bundle = Boolean(record.state) && !single;
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="request-show" data-bundle={bundle ? 'true' : 'false'}>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} useFlexGap>
        <Fact label="Status">
          <StatusChip status={record.status} testId="request-status" />
        </Fact>
        <Fact label="Catalog item">{record.template?.name ?? '—'}</Fact>
        <Fact label="Requester">{record.requester?.username ?? '—'}</Fact>
        {record.scheduledBy ? (
          <Fact label="Started by" testId="request-scheduled-by">
            <Link to="/scheduledOperations">Schedule “{record.scheduledBy.name}”</Link>
          </Fact>
        ) : null}
        <Fact label="Created">
          <RelativeTime value={record.createdAt} />
        </Fact>
        <Fact label="Finished" testId="request-finished">
          <RelativeTime value={record.finishedAt} />
        </Fact>
      </Stack>
      {record.message && (
        <Alert severity={MESSAGE_SEVERITY[record.status] ?? 'info'} data-testid="request-message" sx={{ whiteSpace: 'pre-wrap' }}>
          <LinkedMessage text={record.message} />
        </Alert>
      )}
      <ApprovalPanel request={record} onChanged={refetch} />
      <CancelRequestButton request={record} onChanged={refetch} />
      <OrderAgainButton request={record} />
      {bundle && <ResumeButton request={record} onChanged={refetch} />}
      {record.service && <ServiceCard service={record.service} />}
      {bundle ? (
        <Box>
          <Tabs value={tab} onChange={(_, next: BundleTab) => setTab(next)} aria-label="Request" sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
            <Tab value="overview" label="Overview" data-testid="request-tab-overview" />
            <Tab value="logs" label={`Logs (${record.jobs.length})`} data-testid="request-tab-logs" />
          </Tabs>
          {tab === 'overview' ? (
            <Stack spacing={2}>
              <SiteProgress items={record.items} onOpenLog={logs.openLog} />
              <StateMachineProgress request={record} />
              <RequestValues request={record} />
              <BundleItems items={record.items} logs={logs} />
            </Stack>
          ) : (
            <ItemLogs items={record.items} jobs={record.jobs} onChanged={refetch} logs={logs} />
          )}
        </Box>
      ) : (
        <>
          {record.machine && <StateMachineProgress request={record} />}
          <RequestValues request={record} />
          {single && <RequestOutputs request={record} />}
          <Divider />
          <Typography variant="subtitle1" component="h3">
            Jobs
          </Typography>
          {record.jobs.length === 0 ? (
            <Typography variant="body2" color="text.secondary" data-testid="no-jobs">
              {isTerminalRequestStatus(record.status) ? 'No job ran for this request.' : 'Waiting for the first job to start…'}
            </Typography>
          ) : (
            record.jobs.map((job) => <JobCard key={job.id} job={job} onChanged={refetch} />)
          )}
        </>
      )}
    </Stack>
  );
};

/** The service the request made (or works on), linked. */
const ServiceCard = ({ service }: { service: NonNullable<ServiceRequest['service']> }) => (
  <Card variant="outlined" component="section" aria-label="Service" data-testid="request-service">
    <CardHeader
      title={`Service: ${service.name}`}
      subheader={`Made by this request, now ${service.status}: its current outputs and history are on its page.`}
      slotProps={{ title: { variant: 'subtitle1', component: 'h3' }, subheader: { variant: 'body2' } }}
      action={
        <Button component={Link} to={`/services/${encodeURIComponent(service.id)}/show`} data-testid="service-link">
          Open service
        </Button>
      }
    />
  </Card>
);

const RequestTitle = () => {
  const { record } = useShowContext<ServiceRequest>();
  return <>{record ? `Request ${record.id.slice(0, 8)} — ${record.template?.name ?? ''}` : 'Request'}</>;
};

export const RequestShow = () => (
  <Show title={<RequestTitle />} actions={false}>
    <RequestDetails />
  </Show>
);
