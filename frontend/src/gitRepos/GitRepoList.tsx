import { Box, Chip, Tooltip, Typography } from '@mui/material';
import { DataTable, List } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { formatDateTime, shortCommit } from '../common/format';
import type { GitRepo } from '../types';
import { RefreshButton } from './RefreshButton';

const Col = DataTable.Col<GitRepo>;

const Playbooks = ({ repo }: { repo: GitRepo }) =>
  repo.playbooks.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      none
    </Typography>
  ) : (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {repo.playbooks.map((p) => (
        <Chip key={p.path} size="small" variant="outlined" label={p.path} />
      ))}
    </Box>
  );

export const GitRepoList = () => (
  <List title="Git repositories" perPage={50} pagination={false} exporter={false} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Col
        source="name"
        label="Name"
        render={(r) => (
          <Box>
            <Typography variant="body2">{r.name}</Typography>
            <Typography variant="caption" color="text.secondary">
              {r.builtin ? 'built-in' : r.url} · {r.branch}
            </Typography>
          </Box>
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
      <Col source="lastRefreshedAt" label="Last refreshed" render={(r) => formatDateTime(r.lastRefreshedAt)} />
      <Col
        source="refreshStatus"
        label="Refresh"
        disableSort
        render={(r) => (
          <Tooltip title={r.refreshError ?? ''}>
            <span>
              <StatusChip status={r.refreshStatus} />
            </span>
          </Tooltip>
        )}
      />
      <Col source="playbooks" label="Playbooks" disableSort render={(r) => <Playbooks repo={r} />} />
      <Col label="Actions" disableSort>
        <RefreshButton />
      </Col>
    </DataTable>
  </List>
);
