// The latest refreshes of a git repository, newest first: what each one found.
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { StatusChip } from '../common/StatusChip';
import { shortCommit } from '../common/format';
import { RelativeTime } from '../common/RelativeTime';
import type { GitRefresh } from './api';

const Commit = ({ commit }: { commit: string | null }) => (
  <Tooltip title={commit ?? ''}>
    <Box component="code">{shortCommit(commit)}</Box>
  </Tooltip>
);

export const formatDuration = (ms: number | null): string => {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
};

const KINDS = [
  { key: 'added', sign: '+', color: 'success' },
  { key: 'changed', sign: '~', color: 'info' },
  { key: 'removed', sign: '−', color: 'error' },
] as const;

const PlaybookChanges = ({ refresh }: { refresh: GitRefresh }) => {
  const any = KINDS.some(({ key }) => refresh[key].length > 0);
  if (!any) {
    return (
      <Typography variant="body2" color="text.secondary">
        —
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      {KINDS.map(({ key, sign, color }) =>
        refresh[key].length === 0 ? null : (
          <Box key={key} data-testid={`refresh-${key}`} sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
            <Typography variant="caption" color="text.secondary" sx={{ minWidth: 56 }}>
              {key}
            </Typography>
            {refresh[key].map((path) => (
              <Chip key={path} size="small" variant="outlined" color={color} label={`${sign} ${path}`} />
            ))}
          </Box>
        ),
      )}
    </Box>
  );
};

export const RefreshHistory = ({ refreshes }: { refreshes: GitRefresh[] }) =>
  refreshes.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      No refresh yet.
    </Typography>
  ) : (
    <Table size="small" data-testid="refresh-history" aria-label="Refresh history">
      <TableHead>
        <TableRow>
          <TableCell>Status</TableCell>
          <TableCell>Commit</TableCell>
          <TableCell>Previous</TableCell>
          <TableCell>Duration</TableCell>
          <TableCell>Playbooks</TableCell>
          <TableCell>Error</TableCell>
          <TableCell>Started</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {refreshes.map((r) => (
          <TableRow key={r.id} data-testid="refresh-row" data-id={r.id} data-status={r.status} sx={{ verticalAlign: 'top' }}>
            <TableCell>
              <StatusChip status={r.status} testId="refresh-status" />
            </TableCell>
            <TableCell data-testid="refresh-commit">
              <Commit commit={r.commit} />
            </TableCell>
            <TableCell data-testid="refresh-previous-commit">
              <Commit commit={r.previousCommit} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDuration(r.durationMs)}</TableCell>
            <TableCell>
              <PlaybookChanges refresh={r} />
            </TableCell>
            <TableCell data-testid="refresh-error" sx={{ maxWidth: 320, wordBreak: 'break-word' }}>
              {r.error ? (
                <Typography variant="body2" color="error">
                  {r.error}
                </Typography>
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <RelativeTime value={r.startedAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
