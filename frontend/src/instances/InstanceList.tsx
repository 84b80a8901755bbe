// The Instances page, for operators: every process that runs jobs (ROLE=worker or all), online
// ones first, with its host, role, version, capacity (running / WORKER_CONCURRENCY), last
// heartbeat and state. Read again every few seconds, so a stopped or lost worker shows so.
import { Box, Card, CardContent, Chip, type ChipProps, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, useListContext } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import type { Instance } from './api';

const REFRESH_MS = 5_000;

const STATE_COLOURS: Record<Instance['state'], ChipProps['color']> = { online: 'success', lost: 'error', stopped: 'default' };
const STATE_HINTS: Record<Instance['state'], string> = {
  online: 'Heartbeat fresh: it takes jobs.',
  lost: 'No heartbeat for over 15 s: the process died or cannot reach the database. Its runs are failed by the liveness check.',
  stopped: 'Stopped cleanly.',
};

const StateChip = ({ instance }: { instance: Instance }) => (
  <Chip
    size="small"
    label={instance.state}
    color={STATE_COLOURS[instance.state]}
    variant={instance.state === 'stopped' ? 'outlined' : 'filled'}
    title={STATE_HINTS[instance.state]}
    data-testid="instance-state"
    data-state={instance.state}
  />
);

const capacity = (i: Instance) => `${i.runningJobs} / ${i.concurrency}`;

const Empty = () => (
  <Box sx={{ p: 3 }} data-testid="instances-empty">
    <Typography variant="subtitle1" component="p">
      No worker has registered.
    </Typography>
    <Typography variant="body2" color="text.secondary">
      Every process started with ROLE=worker or ROLE=all appears here; jobs wait until one runs. The workers serve every tenant: they are shown to the root
      tenant&apos;s administrators, operators and auditors only.
    </Typography>
  </Box>
);

const Col = DataTable.Col<Instance>;

const InstanceTable = () => (
  <DataTable bulkActionButtons={false} rowClick={false} empty={<Empty />} data-testid="instance-list">
    <Col source="hostname" label="Host" render={(i) => <span data-testid="instance-host">{i.hostname}</span>} />
    <Col source="role" label="Role" />
    <Col source="version" label="Version" />
    <Col source="runningJobs" label="Running / capacity" render={(i) => <span data-testid="instance-capacity">{capacity(i)}</span>} />
    <Col source="heartbeatAt" label="Last heartbeat" render={(i) => <RelativeTime value={i.heartbeatAt} />} />
    <Col source="startedAt" label="Started" render={(i) => <RelativeTime value={i.startedAt} />} />
    <Col source="state" label="State" render={(i) => <StateChip instance={i} />} />
  </DataTable>
);

/** On a phone: one card per instance. */
const InstanceCards = () => {
  const { data } = useListContext<Instance>();
  if (data?.length === 0) return <Empty />;
  return (
    <Stack spacing={1} sx={{ p: 1 }} data-testid="instance-list">
      {(data ?? []).map((i) => (
        <Card key={i.id} variant="outlined" data-testid="instance-row" data-instance-id={i.id}>
          <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, '&:last-child': { pb: 2 } }}>
            <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
              <Typography variant="subtitle1" data-testid="instance-host" sx={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                {i.hostname}
              </Typography>
              <StateChip instance={i} />
            </Box>
            <Typography variant="body2" color="text.secondary">
              {i.role} · version {i.version}
            </Typography>
            <Typography variant="body2">
              Running <span data-testid="instance-capacity">{capacity(i)}</span> · heartbeat <RelativeTime value={i.heartbeatAt} />
            </Typography>
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};

export const InstanceList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List title="Instances" perPage={50} exporter={false} pagination={false} empty={false} actions={false} queryOptions={{ refetchInterval: REFRESH_MS }}>
      {small ? <InstanceCards /> : <InstanceTable />}
    </List>
  );
};
