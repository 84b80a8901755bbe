// One VNF package: what it is, its VDUs as a tree (nested VDUs under their parent, with their
// technology), its connection points with their ports, its artifacts to download, and the
// buttons that enable, disable, delete it or abort its deletion.
import type { ReactNode } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Card, CardContent, CardHeader, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Loading, Show, TopToolbar, useNotify, usePermissions, useShowContext } from 'react-admin';
import { can } from '../authProvider';
import { shortCommit } from '../common/format';
import { type VnfPackage, vnfPackagesApi } from './api';
import { VnfPackageActions } from './VnfPackageActions';
import { VnfPackageStates } from './VnfPackageStates';

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ minWidth: 140 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div" data-testid={testId} sx={{ overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </Box>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card variant="outlined" component="section" aria-label={title}>
    <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
    <CardContent sx={{ pt: 0, overflowX: 'auto' }}>{children}</CardContent>
  </Card>
);

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const Actions = () => {
  const { record } = useShowContext<VnfPackage>();
  const { permissions } = usePermissions();
  const notify = useNotify();
  if (!record) return null;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        data-testid="vnf-download-zip"
        onClick={() => void vnfPackagesApi.downloadZip(record.id, record.name).catch((e: Error) => notify(e.message, { type: 'error' }))}
      >
        Package (zip)
      </Button>
      <VnfPackageActions pkg={record} canWrite={can(permissions, 'vnf:write')} />
    </TopToolbar>
  );
};

/** The VDUs, each nested one indented under its parent. */
const VduTree = ({ pkg }: { pkg: VnfPackage }) => (
  <Stack component="ul" spacing={1} sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="vdu-tree">
    {(pkg.vdus ?? []).map((vdu) => (
      <Box
        component="li"
        key={vdu.vduId}
        data-vdu={vdu.vduId}
        data-depth={vdu.depth}
        sx={{ pl: vdu.depth * 3, borderLeft: vdu.depth ? 2 : 0, borderColor: 'divider', ml: vdu.depth ? 1 : 0 }}
      >
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {vdu.name}
          </Typography>
          <Chip size="small" label={vdu.technology} color={vdu.technology === 'vm' ? 'default' : 'info'} data-testid="vdu-technology" />
          <Typography variant="caption" color="text.secondary" component="code">
            {vdu.vduId}
          </Typography>
        </Stack>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
          {[
            vdu.vduParent ? `inside ${vdu.vduParent}${vdu.parentMandatory ? ' (mandatory)' : ' (or bare metal)'}` : vdu.bareMetal ? 'on bare metal' : null,
            vdu.image ? `image ${vdu.image}` : null,
            vdu.descriptors.length ? `described by ${vdu.descriptors.join(', ')}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </Box>
    ))}
  </Stack>
);

const ConnectionPoints = ({ pkg }: { pkg: VnfPackage }) => (
  <Table size="small" data-testid="vnf-connection-points">
    <TableHead>
      <TableRow>
        <TableCell>Connection point</TableCell>
        <TableCell>Kind</TableCell>
        <TableCell>Of / exposes</TableCell>
        <TableCell>Ports</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {(pkg.connectionPoints ?? []).map((cp) => (
        <TableRow key={`${cp.kind}:${cp.cpdId}`}>
          <TableCell>{cp.cpdId}</TableCell>
          <TableCell>{cp.kind}</TableCell>
          <TableCell>{cp.exposedPods.length ? cp.exposedPods.join(', ') : (cp.of ?? '')}</TableCell>
          <TableCell>{cp.ports.map((p) => `${p.port}/${p.protocol}${p.targetPort ? ` → ${p.targetPort}` : ''}`).join(', ')}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const Artifacts = ({ pkg }: { pkg: VnfPackage }) => {
  const notify = useNotify();
  const download = (path: string) => void vnfPackagesApi.downloadArtifact(pkg.id, path).catch((e: Error) => notify(e.message, { type: 'error' }));
  return (
    <Stack spacing={1} data-testid="vnf-artifacts">
      {[{ path: 'vnfd.yaml', size: null as number | null, sha256: 'the descriptor' }, ...pkg.artifacts].map((a) => (
        <Stack key={a.path} direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Button size="small" startIcon={<DownloadIcon />} onClick={() => download(a.path)} aria-label={`Download ${a.path}`} sx={{ textTransform: 'none' }}>
            {a.path}
          </Button>
          <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {a.size === null ? a.sha256 : `${size(a.size)} · sha256 ${a.sha256.slice(0, 16)}…`}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
};

const Details = () => {
  const { record, isPending } = useShowContext<VnfPackage>();
  if (isPending || !record) return <Loading />;
  return (
    <Stack spacing={2} sx={{ p: 2, minWidth: 0 }}>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Product" testId="vnf-product">
          {record.productName} {record.softwareVersion}
        </Fact>
        <Fact label="Provider">{record.provider}</Fact>
        <Fact label="VNFD">
          {record.vnfdId} (version {record.vnfdVersion})
        </Fact>
        <Fact label="Repository">
          {record.repoName} · {record.path} @ {shortCommit(record.commit)}
        </Fact>
        <Fact label="State">
          <VnfPackageStates pkg={record} />
        </Fact>
        {record.usedBy.length ? <Fact label="Used by">{record.usedBy.join(', ')}</Fact> : null}
      </Stack>
      <Section title="VDUs">
        <VduTree pkg={record} />
      </Section>
      <Section title="Connection points">
        <ConnectionPoints pkg={record} />
      </Section>
      <Section title="Artifacts">
        <Artifacts pkg={record} />
      </Section>
    </Stack>
  );
};

export const VnfPackageShow = () => (
  <Show title="VNF package" actions={<Actions />}>
    <Details />
  </Show>
);
