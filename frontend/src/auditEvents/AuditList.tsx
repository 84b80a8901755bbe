import DownloadIcon from '@mui/icons-material/Download';
import { Chip, type ChipProps, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, DataTable, DateInput, List, SelectInput, TextInput, TopToolbar, useListContext, useNotify } from 'react-admin';
import { WIDE_ONLY } from '../common/listFilters';
import { RelativeTime } from '../common/RelativeTime';
import { type AuditEvent, downloadAuditCsv, OUTCOMES } from './api';

const Col = DataTable.Col<AuditEvent>;

const COLOURS: Record<string, ChipProps['color']> = { success: 'success', failure: 'error', denied: 'warning' };

const filters = [
  <TextInput key="actor" source="actor" label="Actor" alwaysOn resettable data-testid="audit-filter-actor" />,
  <TextInput key="action" source="action" label="Action" alwaysOn resettable data-testid="audit-filter-action" />,
  <SelectInput
    key="outcome"
    source="outcome"
    label="Outcome"
    alwaysOn
    choices={OUTCOMES.map((o) => ({ id: o, name: o }))}
    data-testid="audit-filter-outcome"
  />,
  <DateInput key="from" source="from" label="From" alwaysOn />,
  <DateInput key="to" source="to" label="To" alwaysOn />,
  <TextInput key="objectType" source="objectType" label="Object type" />,
  <TextInput key="objectId" source="objectId" label="Object id" />,
];

/** Downloads what the list shows (its filters, every page) as CSV. */
const ExportCsvButton = () => {
  const { filterValues } = useListContext<AuditEvent>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = () => {
    setBusy(true);
    downloadAuditCsv(filterValues as Record<string, unknown>)
      .catch((err: Error) => notify(err.message, { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button label="Export CSV" onClick={download} disabled={busy} data-testid="audit-export">
      <DownloadIcon />
    </Button>
  );
};

/** What was acted on: the object's type and id. */
const ObjectCell = ({ event }: { event: AuditEvent }) =>
  event.objectType || event.objectId ? (
    <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
      {event.objectType ?? ''} <code>{event.objectId ?? ''}</code>
    </Typography>
  ) : (
    '—'
  );

/** The audit trail, newest first, filtered and paged by the API. It cannot be changed from here or anywhere. */
export const AuditList = () => (
  <List
    title="Audit"
    perPage={50}
    exporter={false}
    filters={filters}
    actions={
      <TopToolbar>
        <ExportCsvButton />
      </TopToolbar>
    }
    sort={{ field: 'at', order: 'DESC' }}
  >
    <DataTable bulkActionButtons={false} rowClick={false} data-testid="audit-list">
      <Col source="at" label="When" disableSort render={(r) => <RelativeTime value={r.at} />} />
      <Col source="actorName" label="Actor" disableSort />
      <Col
        source="action"
        label="Action"
        disableSort
        render={(r) => (
          <Typography component="code" variant="body2" data-testid="audit-action" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {r.action}
          </Typography>
        )}
      />
      {/* On a phone: when, who, what and its outcome (the table was 725 px wide at 390). */}
      <Col label="Object" disableSort sx={WIDE_ONLY} render={(r) => <ObjectCell event={r} />} />
      <Col
        source="outcome"
        label="Outcome"
        disableSort
        render={(r) => <Chip size="small" label={r.outcome} color={COLOURS[r.outcome] ?? 'default'} data-testid="audit-outcome" data-outcome={r.outcome} />}
      />
      <Col
        source="errorCode"
        label="Error"
        disableSort
        sx={WIDE_ONLY}
        render={(r) =>
          r.errorCode ? (
            <Typography variant="caption" title={r.message ?? ''}>
              {r.errorCode}
            </Typography>
          ) : (
            ''
          )
        }
      />
      <Col source="ip" label="From" disableSort sx={WIDE_ONLY} />
    </DataTable>
  </List>
);
