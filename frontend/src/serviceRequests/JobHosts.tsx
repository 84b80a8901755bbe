// One row per host: while the job runs, counted from its streamed results; once it has ended,
// Ansible's own recap (hostSummaries), which is authoritative.
import { useMemo } from 'react';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { HostSummary, JobEvent } from './api';
import { hostCountsFromEvents, type HostCounts } from './jobEventStats';

const COLUMNS: { key: keyof Omit<HostCounts, 'host'>; label: string; color?: string }[] = [
  { key: 'ok', label: 'OK', color: 'success.main' },
  { key: 'changed', label: 'Changed', color: 'warning.main' },
  { key: 'failures', label: 'Failed', color: 'error.main' },
  { key: 'unreachable', label: 'Unreachable', color: 'error.main' },
  { key: 'skipped', label: 'Skipped' },
  { key: 'rescued', label: 'Rescued' },
  { key: 'ignored', label: 'Ignored' },
];
// The test ids of the cells: host-ok, host-changed, host-failed, …
const cellId = (key: string) => `host-${key === 'failures' ? 'failed' : key}`;

export const JobHosts = ({ events, terminal, hostSummaries }: { events: JobEvent[]; terminal: boolean; hostSummaries: HostSummary[] }) => {
  const live = useMemo(() => hostCountsFromEvents(events), [events]);
  // A run that ended without a recap (canceled, or ansible stopped early) keeps the live counts.
  const fromRecap = terminal && hostSummaries.length > 0;
  const rows: HostCounts[] = fromRecap ? [...hostSummaries].sort((a, b) => a.host.localeCompare(b.host)) : live;
  const columns = fromRecap ? COLUMNS : COLUMNS.filter((c) => c.key !== 'rescued' && c.key !== 'ignored');
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }} data-testid="host-summary" data-source="none">
        {terminal ? 'No host ran a task.' : 'No host has a result yet.'}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Hosts" data-testid="host-summary" data-source={fromRecap ? 'recap' : 'events'}>
      <TableHead>
        <TableRow>
          <TableCell>Host</TableCell>
          {columns.map((c) => (
            <TableCell key={c.key} align="right">
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.host} data-testid="host-row" data-host={row.host}>
            <TableCell component="th" scope="row" data-testid="host-name">
              {row.host}
            </TableCell>
            {columns.map((c) => {
              const value = row[c.key] ?? 0;
              return (
                <TableCell
                  key={c.key}
                  align="right"
                  data-testid={cellId(c.key)}
                  sx={{ color: value > 0 && c.color ? c.color : 'text.primary', fontWeight: value > 0 && c.color ? 600 : 400 }}
                >
                  {value}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
