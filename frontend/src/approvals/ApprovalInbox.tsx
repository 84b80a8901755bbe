// The approver's inbox: requests waiting for their decision, oldest first, with Approve / Deny on
// each row; a row opens the request. It reads itself again whenever the live count changes (a new
// order waits, another approver decided, a requester canceled).
import { createContext, type ReactNode, useContext, useEffect, useRef } from 'react';
import { Box, Typography, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, Pagination, SimpleList, useListContext, useRefresh } from 'react-admin';
import { formatDateTime } from '../common/format';
import { RelativeTime } from '../common/RelativeTime';
import type { ServiceRequest } from '../serviceRequests/api';
import { DecisionButtons, type DecisionTarget, useDecisionDialog } from './DecisionButtons';
import { useInboxCount } from './useInboxCount';

/** Reads the list again when the inbox's live count changes (not at its first value: the list was just read). */
const LiveRefresh = () => {
  const count = useInboxCount();
  const { refetch } = useListContext();
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (count === null) return;
    if (seen.current !== null && seen.current !== count) void refetch();
    seen.current = count;
  }, [count, refetch]);
  return null;
};

const Col = DataTable.Col<ServiceRequest>;

const Empty = () => (
  <Box sx={{ p: 3 }} data-testid="approvals-empty">
    <LiveRefresh />
    <Typography variant="h6" component="p">
      Nothing waits for your approval.
    </Typography>
    <Typography variant="body2" color="text.secondary">
      Orders of items that need an approver appear here, oldest first.
    </Typography>
  </Box>
);

/** Opens the inbox's one decision dialog. */
const DecideContext = createContext<(target: DecisionTarget) => void>(() => undefined);

const Decide = ({ request }: { request: ServiceRequest }) => (
  <DecisionButtons
    requestId={request.id}
    what={`${request.template?.name ?? 'request'} for ${request.requester?.username ?? 'someone'}`}
    onDecide={useContext(DecideContext)}
  />
);

/** The decision dialog, outside the rows (which a phone turning replaces); after a decision the list is read again. */
const Decisions = ({ children }: { children: ReactNode }) => {
  const { refetch } = useListContext();
  const refresh = useRefresh();
  const { open, dialog } = useDecisionDialog(() => {
    void refetch();
    refresh();
  });
  return (
    <DecideContext.Provider value={open}>
      {children}
      {dialog}
    </DecideContext.Provider>
  );
};

/** A request's page, where an approver reads the whole order before deciding. */
const requestPath = (id: unknown) => `/serviceRequests/${encodeURIComponent(String(id))}/show`;

export const ApprovalInbox = () => {
  // On a phone the table would be wider than the screen: one entry per request, opening its page
  // (whose Approval panel has Approve and Deny).
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List
      title="Approvals"
      resource="approvals"
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      exporter={false}
      empty={<Empty />}
      sort={{ field: 'createdAt', order: 'ASC' }}
    >
      <Decisions>
        <LiveRefresh />
        {small ? (
          <SimpleList<ServiceRequest>
            primaryText={(r) => `${r.template?.name ?? 'Request'} for ${r.requester?.username ?? 'someone'}`}
            secondaryText={(r) =>
              [r.approval?.reason, r.approval?.deadline ? `Decide by ${formatDateTime(r.approval.deadline)}` : null].filter(Boolean).join(' ')
            }
            linkType={(r) => requestPath(r.id)}
            data-testid="approval-inbox"
          />
        ) : (
          <DataTable rowClick={(id) => requestPath(id)} bulkActionButtons={false} data-testid="approval-inbox">
            <Col source="createdAt" label="Ordered" disableSort render={(r) => <RelativeTime value={r.createdAt} />} />
            <Col source="template.name" label="Catalog item" disableSort render={(r) => r.template?.name ?? '—'} />
            <Col source="requester.username" label="Requester" disableSort render={(r) => r.requester?.username ?? '—'} />
            <Col source="approval.reason" label="Why" disableSort render={(r) => r.approval?.reason ?? '—'} />
            <Col
              source="approval.deadline"
              label="Decide by"
              disableSort
              render={(r) => (r.approval?.deadline ? <RelativeTime value={r.approval.deadline} /> : '—')}
            />
            <Col source="id" label="" disableSort render={(r) => <Decide request={r} />} />
          </DataTable>
        )}
      </Decisions>
    </List>
  );
};
