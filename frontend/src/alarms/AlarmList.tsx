// The Alarms page: open alarms first (the history with the "Cleared" or "All" filter), by severity
// and kind, newest first, each linked to the request or provider it is about, with Acknowledge and
// Clear for those who may. The list reads itself again when the number of open alarms changes.
import { useEffect, useRef } from 'react';
import { Box, Card, CardContent, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, Pagination, SelectInput, useListContext } from 'react-admin';
import { WIDE_ONLY } from '../common/listFilters';
import { RelativeTime } from '../common/RelativeTime';
import { AlarmActions } from './AlarmActions';
import { AlarmObject, AlarmState, alarmState } from './AlarmState';
import { ALARM_KINDS, ALARM_SEVERITIES, ALARM_STATES, type Alarm } from './api';
import { SeverityChip } from './SeverityChip';
import { useOpenAlarmCount } from './useOpenAlarmCount';

const choicesOf = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

const filters = [
  // No value is "Open": the page opens on what needs attention.
  <SelectInput key="state" source="state" label="Status" choices={choicesOf(ALARM_STATES)} alwaysOn emptyText="Open" data-testid="alarm-filter-state" />,
  <SelectInput key="severity" source="severity" label="Severity" choices={choicesOf(ALARM_SEVERITIES)} alwaysOn data-testid="alarm-filter-severity" />,
  <SelectInput key="kind" source="kind" label="Kind" choices={choicesOf(ALARM_KINDS)} alwaysOn data-testid="alarm-filter-kind" />,
];

/** Reads the list again when the live count of open alarms changes (not at its first value: the list was just read). */
const LiveRefresh = () => {
  const count = useOpenAlarmCount();
  const { refetch } = useListContext();
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (count === null) return;
    if (seen.current !== null && seen.current !== count) void refetch();
    seen.current = count;
  }, [count, refetch]);
  return null;
};

const Empty = () => {
  const { filterValues } = useListContext();
  const state = (filterValues as { state?: string }).state;
  return (
    <Box sx={{ p: 3 }} data-testid="alarms-empty">
      <Typography variant="subtitle1" component="p">
        {state === 'cleared' ? 'No cleared alarm matches.' : state === 'all' ? 'No alarm matches.' : 'No open alarm.'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        A failed request, a provider that goes down or a worker lost mid-run raises an alarm here.
      </Typography>
    </Box>
  );
};

const Message = ({ alarm }: { alarm: Alarm }) => (
  <Box sx={{ minWidth: 0 }} data-alarm-id={alarm.id}>
    <Typography variant="body2" data-testid="alarm-message" sx={{ overflowWrap: 'anywhere' }}>
      {alarm.message}
    </Typography>
    <Typography variant="caption" color="text.secondary" data-testid="alarm-kind">
      {ALARM_KINDS[alarm.kind]}
    </Typography>
  </Box>
);

const Col = DataTable.Col<Alarm>;

/** On a phone: one card per alarm, everything stacked. */
const AlarmCards = () => {
  const { data, refetch } = useListContext<Alarm>();
  if (data?.length === 0) return <Empty />;
  return (
    <Stack spacing={1} sx={{ p: 1 }} data-testid="alarm-list">
      {(data ?? []).map((alarm) => (
        <Card key={alarm.id} variant="outlined" data-testid="alarm-row" data-alarm-id={alarm.id} data-state={alarmState(alarm)}>
          <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1, '&:last-child': { pb: 2 } }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <SeverityChip severity={alarm.severity} />
              <Typography variant="caption" color="text.secondary">
                raised <RelativeTime value={alarm.raisedAt} />
              </Typography>
            </Box>
            <Message alarm={alarm} />
            <AlarmObject alarm={alarm} />
            <AlarmState alarm={alarm} />
            <AlarmActions alarm={alarm} onDone={refetch} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};

const AlarmTable = () => {
  const { refetch } = useListContext<Alarm>();
  return (
    <DataTable
      bulkActionButtons={false}
      rowClick={false}
      empty={<Empty />}
      data-testid="alarm-list"
      sx={{ '& .RaDataTable-rowCell': { verticalAlign: 'top' } }}
    >
      <Col source="severity" label="Severity" disableSort render={(a) => <SeverityChip severity={a.severity} />} />
      <Col source="message" label="Alarm" disableSort render={(a) => <Message alarm={a} />} />
      <Col source="objectId" label="About" disableSort render={(a) => <AlarmObject alarm={a} />} />
      <Col source="raisedAt" label="Raised" disableSort render={(a) => <RelativeTime value={a.raisedAt} />} />
      <Col label="Status" disableSort sx={WIDE_ONLY} render={(a) => <AlarmState alarm={a} />} />
      <Col label="Actions" disableSort render={(a) => <AlarmActions alarm={a} onDone={refetch} />} />
    </DataTable>
  );
};

export const AlarmList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List
      title="Alarms"
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      exporter={false}
      filters={filters}
      sort={{ field: 'raisedAt', order: 'DESC' }}
      empty={false}
    >
      <LiveRefresh />
      {small ? <AlarmCards /> : <AlarmTable />}
    </List>
  );
};
