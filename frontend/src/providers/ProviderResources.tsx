// What a Kubernetes or OpenStack provider holds, as last read: "Read now" asks the provider again
// (the health monitor also reads it while the provider is up). OpenStack: the project's Heat stacks
// and Nova servers, and which of those services the cloud lacks; Kubernetes: namespaces,
// deployments and services.
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  type ChipProps,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { KubernetesResources, OpenStackResources, Provider } from './api';

/** Heat's STACK_STATUS (CREATE_COMPLETE, UPDATE_IN_PROGRESS, DELETE_FAILED...) and Nova's server status. */
const statusColour = (status: string): ChipProps['color'] => {
  if (/_FAILED$|^ERROR$/.test(status)) return 'error';
  if (/_IN_PROGRESS$|^BUILD$|^REBUILD$|^RESIZE$|^REBOOT$/.test(status)) return 'info';
  if (/_COMPLETE$|^ACTIVE$/.test(status)) return 'success';
  return 'default';
};

const ResourceStatus = ({ status }: { status: string }) => (
  <Chip size="small" label={status} color={statusColour(status)} data-testid="resource-status" data-status={status} />
);

const Empty = ({ children, testId }: { children: ReactNode; testId: string }) => (
  <Typography variant="body2" color="text.secondary" data-testid={testId}>
    {children}
  </Typography>
);

/** A titled table of one kind of resource, or a sentence when there is none. */
const ResourceTable = ({
  title,
  headers,
  count,
  empty,
  testId,
  children,
}: {
  title: string;
  headers: string[];
  count: number;
  /** What is said instead of an empty table. */
  empty: ReactNode;
  testId: string;
  children: ReactNode;
}) => (
  <Box component="section" aria-label={title} data-testid={testId} data-count={count}>
    <Typography variant="subtitle2" component="h3" gutterBottom>
      {title}
    </Typography>
    {count === 0 ? (
      <Empty testId={`${testId}-empty`}>{empty}</Empty>
    ) : (
      <Table size="small">
        <TableHead>
          <TableRow>
            {headers.map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    )}
  </Box>
);

/** Which listing a service the cloud lacks leaves empty ('compute (Nova)' → servers). */
const MISSING_LISTS: { prefix: string; list: 'stacks' | 'servers' }[] = [
  { prefix: 'orchestration', list: 'stacks' },
  { prefix: 'compute', list: 'servers' },
];

const lacking = (missing: string[], list: 'stacks' | 'servers'): string | undefined =>
  missing.find((m) => MISSING_LISTS.some((k) => k.list === list && m.startsWith(k.prefix)));

const MissingNote = ({ service, list }: { service: string; list: string }) => (
  <Alert severity="info" data-testid="resources-missing" data-service={service}>
    This cloud has no {service} service: no {list} to list.
  </Alert>
);

const OpenStackTables = ({ resources }: { resources: OpenStackResources }) => {
  const stacks = resources.stacks ?? [];
  const servers = resources.servers ?? [];
  const missing = resources.missing ?? [];
  const noHeat = lacking(missing, 'stacks');
  const noNova = lacking(missing, 'servers');
  const others = missing.filter((m) => m !== noHeat && m !== noNova);
  return (
    <Stack spacing={2}>
      {others.length > 0 && (
        <Alert severity="info" data-testid="resources-missing">
          This cloud has no {others.join(', ')} service.
        </Alert>
      )}
      {noHeat ? (
        <MissingNote service={noHeat} list="stacks" />
      ) : (
        <ResourceTable
          title="Stacks"
          headers={['Name', 'Status', 'Reason', 'Created']}
          count={stacks.length}
          empty="No stacks in this project."
          testId="resource-stacks"
        >
          {stacks.map((s) => (
            <TableRow key={s.id} data-testid="resource-stack" data-name={s.name} data-status={s.status}>
              <TableCell title={s.id}>{s.name}</TableCell>
              <TableCell>
                <ResourceStatus status={s.status} />
              </TableCell>
              <TableCell sx={{ wordBreak: 'break-word' }}>{s.reason ?? '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <RelativeTime value={s.createdAt} />
              </TableCell>
            </TableRow>
          ))}
        </ResourceTable>
      )}
      {noNova ? (
        <MissingNote service={noNova} list="servers" />
      ) : (
        <ResourceTable
          title="Servers"
          headers={['Name', 'Status', 'Addresses']}
          count={servers.length}
          empty="No servers in this project."
          testId="resource-servers"
        >
          {servers.map((s) => (
            <TableRow key={s.id} data-testid="resource-server" data-name={s.name} data-status={s.status}>
              <TableCell title={s.id}>{s.name}</TableCell>
              <TableCell>
                <ResourceStatus status={s.status} />
              </TableCell>
              <TableCell>{s.addresses.length ? s.addresses.join(', ') : '—'}</TableCell>
            </TableRow>
          ))}
        </ResourceTable>
      )}
    </Stack>
  );
};

const KubernetesTables = ({ resources }: { resources: KubernetesResources }) => {
  const namespaces = resources.namespaces ?? [];
  const deployments = resources.deployments ?? [];
  const services = resources.services ?? [];
  return (
    <Stack spacing={2}>
      <Box component="section" aria-label="Namespaces" data-testid="resource-namespaces" data-count={namespaces.length}>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Namespaces
        </Typography>
        {namespaces.length === 0 ? (
          <Empty testId="resource-namespaces-empty">No namespaces visible to this credential.</Empty>
        ) : (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {namespaces.map((n) => (
              <Chip key={n} size="small" label={n} data-testid="resource-namespace" data-name={n} />
            ))}
          </Stack>
        )}
      </Box>
      <ResourceTable
        title="Deployments"
        headers={['Namespace', 'Name', 'Ready']}
        count={deployments.length}
        empty="No deployments."
        testId="resource-deployments"
      >
        {deployments.map((d) => {
          const allReady = d.replicas === null || d.ready >= d.replicas;
          return (
            <TableRow
              key={`${d.namespace}/${d.name}`}
              data-testid="resource-deployment"
              data-namespace={d.namespace}
              data-name={d.name}
              data-ready={`${d.ready}/${d.replicas ?? '—'}`}
            >
              <TableCell>{d.namespace}</TableCell>
              <TableCell>{d.name}</TableCell>
              <TableCell sx={{ color: allReady ? undefined : 'warning.main' }}>
                {d.ready}/{d.replicas ?? '—'}
              </TableCell>
            </TableRow>
          );
        })}
      </ResourceTable>
      <ResourceTable
        title="Services"
        headers={['Namespace', 'Name', 'Type', 'Address', 'Ports']}
        count={services.length}
        empty="No services."
        testId="resource-services"
      >
        {services.map((s) => (
          <TableRow key={`${s.namespace}/${s.name}`} data-testid="resource-service" data-namespace={s.namespace} data-name={s.name} data-type={s.type}>
            <TableCell>{s.namespace}</TableCell>
            <TableCell>{s.name}</TableCell>
            <TableCell>{s.type}</TableCell>
            <TableCell>{s.address ?? '—'}</TableCell>
            <TableCell>{s.ports.length ? s.ports.join(', ') : '—'}</TableCell>
          </TableRow>
        ))}
      </ResourceTable>
    </Stack>
  );
};

const ReadNowButton = ({ provider }: { provider: Provider }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.refreshProviderResources(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['providers'] });
      notify(`Read what ${provider.name} holds`, { type: 'success' });
    },
    // UNAVAILABLE when the provider does not answer: the server's message says why.
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Button
      size="small"
      startIcon={isPending ? <CircularProgress size={16} /> : <RefreshIcon />}
      disabled={isPending}
      onClick={() => mutate(provider.id)}
      data-testid="read-resources"
    >
      {isPending ? 'Reading…' : 'Read now'}
    </Button>
  );
};

/** The Resources card of a Kubernetes or OpenStack provider; nothing for other types. */
export const ProviderResources = ({ provider }: { provider: Provider }) => {
  if (provider.type !== 'kubernetes' && provider.type !== 'openstack') return null;
  // A record from the providers list (shown while the provider is read by id) has no resources field.
  const loaded = provider.resources !== undefined;
  const readAt = provider.resourcesRefreshedAt ?? null;
  const resources = provider.resources ?? null;
  return (
    <Card variant="outlined" component="section" aria-label="Resources" data-testid="provider-resources" data-read-at={loaded ? (readAt ?? '') : undefined}>
      <CardHeader
        title="Resources"
        subheader={
          <span data-testid="resources-read-at">
            {!loaded ? (
              'Loading…'
            ) : readAt ? (
              <>
                Last read <RelativeTime value={readAt} />
              </>
            ) : (
              'Not read yet'
            )}
          </span>
        }
        action={<ReadNowButton provider={provider} />}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent>
        {!loaded ? null : !resources ? (
          <Empty testId="resources-never-read">
            {provider.type === 'openstack' ? 'Its stacks and servers' : 'Its namespaces, deployments and services'} have not been read yet: “Read now” asks the
            provider.
          </Empty>
        ) : resources.__typename === 'OpenStackResources' ? (
          <OpenStackTables resources={resources} />
        ) : (
          <KubernetesTables resources={resources} />
        )}
      </CardContent>
    </Card>
  );
};
