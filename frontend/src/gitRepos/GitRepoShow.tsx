// One git repository: where it comes from (or, hosted, how to push to it), what the last refresh
// found, its playbooks with their syntax check, its webhook and the history of its refreshes.
// Polls while a refresh is running or a syntax check is pending.
import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, CardHeader, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { EditButton, Loading, Show, TopToolbar, useShowContext } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { shortCommit } from '../common/format';
import { RelativeTime } from '../common/RelativeTime';
import type { GitRepo } from './api';
import { DeleteGitRepoButton } from './DeleteGitRepoButton';
import { PlaybookTable } from './PlaybookTable';
import { PushHowTo } from './PushHowTo';
import { RefreshButton } from './RefreshButton';
import { RefreshHistory } from './RefreshHistory';
import { RepoBadges } from './RepoBadges';
import { WebhookPanel } from './WebhookPanel';
import { SharedWith } from '../tenants/SharedWith';
import { ShareRecordButton } from '../tenants/ShareRecordButton';
import { describeInterval, describeMaxAge } from './refreshPolicy';

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

const Section = ({ title, label, children }: { title: string; label?: string; children: ReactNode }) => (
  <Card variant="outlined" component="section" aria-label={label ?? title}>
    <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
    <CardContent sx={{ pt: 0, overflowX: 'auto' }}>{children}</CardContent>
  </Card>
);

const GitRepoActions = () => {
  const { record } = useShowContext<GitRepo>();
  return (
    <TopToolbar>
      <RefreshButton />
      <ShareRecordButton<GitRepo> permission="git:write" kind="repository" share={(dp, repo, tenantIds) => dp.shareGitRepo(repo.id, tenantIds)} />
      {record && !record.builtin ? <EditButton /> : null}
      <DeleteGitRepoButton />
    </TopToolbar>
  );
};

const subheader = (repo: GitRepo): string | undefined =>
  repo.builtin ? 'Built-in: published from the playbooks/ folder' : repo.hosted ? 'Hosted by the portal: push to it with git' : undefined;

const GitRepoDetails = () => {
  const { record, isPending } = useShowContext<GitRepo>();
  if (isPending || !record) return <Loading />;
  const { cloneUrl } = record;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Card variant="outlined" component="section" aria-label="Repository">
        <CardHeader
          title={record.name}
          subheader={subheader(record)}
          slotProps={{ title: { variant: 'h6', component: 'h2' } }}
          action={
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', pt: 1 }}>
              <RepoBadges repo={record} />
              <StatusChip status={record.refreshStatus} testId="repo-refresh-status" />
            </Stack>
          }
        />
        <CardContent sx={{ pt: 0 }}>
          <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} useFlexGap>
            {record.hosted ? null : (
              <Fact label="URL" testId="repo-url">
                <code>{record.url}</code>
              </Fact>
            )}
            <Fact label="Branch" testId="repo-branch">
              {record.branch}
            </Fact>
            <Fact label="Commit" testId="repo-commit">
              <Tooltip title={record.commit ?? ''}>
                <code>{shortCommit(record.commit)}</code>
              </Tooltip>
            </Fact>
            <Fact label="Last refreshed" testId="repo-last-refreshed">
              <RelativeTime value={record.lastRefreshedAt} />
            </Fact>
            <Fact label="Refresh before a run" testId="repo-max-age">
              {describeMaxAge(record.refreshMaxAgeSeconds)}
            </Fact>
            <Fact label="Scheduled refresh" testId="repo-interval">
              {describeInterval(record.refreshIntervalSeconds)}
            </Fact>
          </Stack>
          <Box sx={{ mt: 2 }}>
            <SharedWith ownerTenantId={record.tenantId} sharedWith={record.sharedWith} />
          </Box>
          {record.enabled ? null : (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="repo-disabled">
              Disabled: it is neither refreshed nor ordered from{record.hosted ? ', and pushes to it are refused' : ''}. Edit it to enable it again.
            </Alert>
          )}
          {record.refreshError ? (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="repo-refresh-error">
              {record.refreshError}
            </Alert>
          ) : null}
        </CardContent>
      </Card>

      {cloneUrl ? (
        <Section title="Push to this repository">
          <PushHowTo repo={{ ...record, cloneUrl }} />
        </Section>
      ) : null}

      <Card variant="outlined" component="section" aria-label="Playbooks">
        <CardHeader title="Playbooks" slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
        <CardContent sx={{ pt: 0, overflowX: 'auto' }} data-testid="repo-playbooks">
          <PlaybookTable playbooks={record.playbooks} />
        </CardContent>
      </Card>

      <Section title="Webhook">
        <WebhookPanel repo={record} />
      </Section>

      <Section title="Refresh history">
        {/* A record seeded from the list has no history yet: the full one is on its way. */}
        {record.refreshes ? <RefreshHistory refreshes={record.refreshes} /> : <LinearProgress />}
      </Section>
    </Stack>
  );
};

/** How soon the page looks again: soon while a refresh runs, a little later while a syntax check
 * (a background job) is pending, not at all once everything has settled. */
const pollInterval = (repo: GitRepo | undefined): number | false => {
  if (!repo) return false;
  if (repo.refreshStatus === 'running' || (repo.refreshes ?? []).some((r) => r.status === 'running')) return 1000;
  if (repo.playbooks.some((p) => p.syntaxStatus === 'pending')) return 2000;
  return false;
};

export const GitRepoShow = () => (
  <Show
    title="Git repository"
    actions={<GitRepoActions />}
    component="div"
    // As wide as the window, not as its widest table (which scrolls in its own card): 995 px at 390.
    sx={{ '& .RaShow-main, & .RaShow-card': { minWidth: 0 } }}
    queryOptions={{ refetchInterval: (query) => pollInterval(query.state.data as GitRepo | undefined) }}
  >
    <GitRepoDetails />
  </Show>
);
