// One git repository: where it comes from, what the last refresh found, its playbooks and the
// history of its refreshes. Polls while a refresh is running.
import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, CardHeader, Chip, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { EditButton, Loading, Show, TopToolbar, useShowContext } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { formatDateTime, shortCommit } from '../common/format';
import type { GitRepo } from '../types';
import { DeleteGitRepoButton } from './DeleteGitRepoButton';
import { RefreshButton } from './RefreshButton';
import { RefreshHistory } from './RefreshHistory';

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ minWidth: 140 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div" data-testid={testId} sx={{ wordBreak: 'break-all' }}>
      {children}
    </Typography>
  </Box>
);

const GitRepoActions = () => {
  const { record } = useShowContext<GitRepo>();
  return (
    <TopToolbar>
      <RefreshButton />
      {record && !record.builtin ? <EditButton /> : null}
      <DeleteGitRepoButton />
    </TopToolbar>
  );
};

const GitRepoDetails = () => {
  const { record, isPending } = useShowContext<GitRepo>();
  if (isPending || !record) return <Loading />;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Card variant="outlined" component="section" aria-label="Repository">
        <CardHeader
          title={record.name}
          subheader={record.builtin ? 'Built-in: published from the playbooks/ folder' : undefined}
          slotProps={{ title: { variant: 'h6', component: 'h2' } }}
          action={<StatusChip status={record.refreshStatus} testId="repo-refresh-status" />}
        />
        <CardContent sx={{ pt: 0 }}>
          <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} useFlexGap>
            <Fact label="URL" testId="repo-url">
              <code>{record.url}</code>
            </Fact>
            <Fact label="Branch" testId="repo-branch">
              {record.branch}
            </Fact>
            <Fact label="Commit" testId="repo-commit">
              <Tooltip title={record.commit ?? ''}>
                <code>{shortCommit(record.commit)}</code>
              </Tooltip>
            </Fact>
            <Fact label="Last refreshed" testId="repo-last-refreshed">
              {formatDateTime(record.lastRefreshedAt)}
            </Fact>
          </Stack>
          {record.refreshError ? (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="repo-refresh-error">
              {record.refreshError}
            </Alert>
          ) : null}
        </CardContent>
      </Card>

      <Card variant="outlined" component="section" aria-label="Playbooks">
        <CardHeader title="Playbooks" slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
        <CardContent sx={{ pt: 0 }} data-testid="repo-playbooks">
          {record.playbooks.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No playbooks found at this commit.
            </Typography>
          ) : (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
              {record.playbooks.map((p) => (
                <Chip key={p.path} size="small" variant="outlined" label={p.path} />
              ))}
            </Box>
          )}
        </CardContent>
      </Card>

      <Card variant="outlined" component="section" aria-label="Refresh history">
        <CardHeader title="Refresh history" slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
        <CardContent sx={{ pt: 0, overflowX: 'auto' }}>
          {/* A record seeded from the list has no history yet: the full one is on its way. */}
          {record.refreshes ? <RefreshHistory refreshes={record.refreshes} /> : <LinearProgress />}
        </CardContent>
      </Card>
    </Stack>
  );
};

const isRunning = (repo: GitRepo | undefined) =>
  repo?.refreshStatus === 'running' || (repo?.refreshes ?? []).some((r) => r.status === 'running');

export const GitRepoShow = () => (
  <Show
    title="Git repository"
    actions={<GitRepoActions />}
    component="div"
    queryOptions={{ refetchInterval: (query) => (isRunning(query.state.data as GitRepo | undefined) ? 1000 : false) }}
  >
    <GitRepoDetails />
  </Show>
);
