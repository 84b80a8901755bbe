// A service's history: every request that created, changed or retired it (its provisioning,
// reconfigurations, retirements, rollbacks), newest first, each a link to the request's page
// where the values it ran with are shown.
import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { RelativeTime } from '../common/RelativeTime';
import { StatusChip } from '../common/StatusChip';
import { WIDE_ONLY } from '../common/listFilters';
import { REQUEST_ACTION_LABELS } from '../serviceRequests/api';
import { requestPath } from '../serviceRequests/RequestLinks';
import type { ServiceChange } from './api';

export const ServiceHistory = ({ requests }: { requests: ServiceChange[] | undefined }) => (
  <Box component="section" aria-label="History">
    <Typography variant="subtitle1" component="h3" gutterBottom>
      History
    </Typography>
    {!requests ? (
      <Typography variant="body2">…</Typography>
    ) : requests.length === 0 ? (
      <Typography variant="body2" color="text.secondary">
        No request of it is yours to see.
      </Typography>
    ) : (
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" data-testid="service-requests" aria-label="Requests that changed this service">
          <TableHead>
            <TableRow>
              <TableCell>Request</TableCell>
              <TableCell>Status</TableCell>
              <TableCell sx={WIDE_ONLY}>Requester</TableCell>
              <TableCell>Ordered</TableCell>
              <TableCell sx={WIDE_ONLY}>Finished</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {requests.map((r) => (
              <TableRow key={r.id} hover data-testid="service-request" data-id={r.id}>
                <TableCell>
                  <MuiLink component={Link} to={requestPath(r.id)} title={`Request ${r.id}`} sx={{ whiteSpace: 'nowrap' }}>
                    <span data-testid="service-request-action">{REQUEST_ACTION_LABELS[r.action]}</span>{' '}
                    <Box component="code" sx={{ display: { xs: 'none', sm: 'inline' }, fontSize: 12 }}>
                      {r.id.slice(0, 8)}
                    </Box>
                  </MuiLink>
                </TableCell>
                <TableCell>
                  <StatusChip status={r.status} />
                </TableCell>
                <TableCell sx={WIDE_ONLY}>{r.requester?.username ?? '—'}</TableCell>
                <TableCell>
                  <RelativeTime value={r.createdAt} />
                </TableCell>
                <TableCell sx={WIDE_ONLY}>
                  <RelativeTime value={r.finishedAt} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    )}
  </Box>
);
