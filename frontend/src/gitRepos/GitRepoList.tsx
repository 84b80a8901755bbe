import { Box, Chip, Stack, Tooltip, Typography, useMediaQuery, type Theme } from '@mui/material';
import { CreateButton, DataTable, List, SimpleList, TopToolbar } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { shortCommit } from '../common/format';
import { RelativeTime } from '../common/RelativeTime';
import type { GitRepo } from './api';
import { RefreshAllButton } from './RefreshAllButton';
import { RefreshButton } from './RefreshButton';
import { RepoBadges } from './RepoBadges';
import { SYNTAX_CHIP_COLOUR } from './PlaybookTable';
import { SharedWith } from '../tenants/SharedWith';

const Col = DataTable.Col<GitRepo>;

/** Playbook chips, coloured by syntax check: red with Ansible's message when it failed. */
const Playbooks = ({ repo }: { repo: GitRepo }) =>
  repo.playbooks.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      none
    </Typography>
  ) : (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {repo.playbooks.map((p) => (
        <Tooltip key={p.path} title={p.syntaxStatus === 'failed' ? (p.syntaxError ?? 'syntax check failed') : `syntax ${p.syntaxStatus}`}>
          <Chip size="small" variant="outlined" color={SYNTAX_CHIP_COLOUR[p.syntaxStatus]} label={p.path} data-syntax={p.syntaxStatus} />
        </Tooltip>
      ))}
    </Box>
  );

const ListActions = () => (
  <TopToolbar>
    <RefreshAllButton />
    <CreateButton />
  </TopToolbar>
);

/** Where a repository comes from: built in, hosted by the portal (its clone URL), or its remote URL. */
const source = (r: GitRepo) => (r.builtin ? 'built-in' : r.hosted ? (r.cloneUrl ?? 'hosted') : r.url);

export const GitRepoList = () => {
  // On a phone the table would be wider than the screen: one entry per repository instead.
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List title="Git repositories" perPage={50} pagination={false} exporter={false} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions />}>
      {small ? (
        <SimpleList<GitRepo>
          primaryText={(r) => r.name}
          secondaryText={(r) => `${source(r)} · branch ${r.branch} · ${r.playbooks.length} playbook${r.playbooks.length === 1 ? '' : 's'}`}
          tertiaryText={(r) => <StatusChip status={r.refreshStatus} testId="repo-refresh-status" />}
          linkType="show"
          sx={{ '& .MuiListItemText-secondary': { overflowWrap: 'anywhere' } }}
        />
      ) : (
        <GitRepoTable />
      )}
    </List>
  );
};

const GitRepoTable = () => (
  <DataTable bulkActionButtons={false} rowClick="show">
    <Col
      source="name"
      label="Name"
      sx={{ minWidth: 240 }}
      render={(r) => (
        <Box>
          <Typography variant="body2">{r.name}</Typography>
          {/* The address may break anywhere (a URL has no spaces); the branch never. */}
          <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
            {source(r)}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" noWrap>
            branch {r.branch}
          </Typography>
        </Box>
      )}
    />
    <Col
      source="refreshStatus"
      label="Status"
      disableSort
      render={(r) => (
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <Tooltip title={r.refreshError ?? ''}>
            <span>
              <StatusChip status={r.refreshStatus} testId="repo-refresh-status" />
            </span>
          </Tooltip>
          <RepoBadges repo={r} />
        </Stack>
      )}
    />
    <Col
      source="commit"
      label="Commit"
      disableSort
      render={(r) => (
        <Tooltip title={r.commit ?? ''}>
          <Box component="code" data-testid="repo-commit">
            {shortCommit(r.commit)}
          </Box>
        </Tooltip>
      )}
    />
    <Col source="lastRefreshedAt" label="Last refreshed" render={(r) => <RelativeTime value={r.lastRefreshedAt} />} />
    <Col source="playbooks" label="Playbooks" disableSort sx={{ minWidth: 240 }} render={(r) => <Playbooks repo={r} />} />
    <Col label="Shared with" disableSort render={(r) => <SharedWith ownerTenantId={r.tenantId} sharedWith={r.sharedWith} compact />} />
    <Col label="Actions" disableSort>
      <RefreshButton />
    </Col>
  </DataTable>
);
