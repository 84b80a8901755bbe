// The Schedules page: every scheduled operation the user may see, the next to fire first — what
// it does (order an item, heal or retire a service, linked), when (a date, or the cron schedule in
// words with its next run), its last run (linked to the request it started, or why it started
// nothing), a switch to pause and resume it, Edit (its name and timing, in the Schedule… dialog)
// and Delete with a confirmation. Secondary columns hide on a phone.
import { useState } from 'react';
import { Box, IconButton, Link as MuiLink, Stack, Switch, Tooltip, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { Link } from 'react-router-dom';
import { DataTable, DeleteWithConfirmButton, List, Pagination, useNotify, useRecordContext, useUpdate } from 'react-admin';
import { WIDE_ONLY } from '../common/listFilters';
import { RelativeTime } from '../common/RelativeTime';
import type { ScheduledOperation } from './api';
import { cronInWords } from './cronWords';
import { ScheduleDialog, type ScheduleTiming } from './ScheduleDialog';

/** A date and time to the minute, in the reader's locale and time zone (the exact one is on the next run's hover). */
const SHORT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const ACTIONS: Record<ScheduledOperation['action'], string> = { order: 'Order', heal: 'Heal', retire: 'Retire' };

const targetPath = (s: ScheduledOperation): string | null =>
  s.templateId ? `/catalog/${encodeURIComponent(s.templateId)}/order` : s.serviceId ? `/services/${encodeURIComponent(s.serviceId)}/show` : null;

/** Name, then what it does to what (linked). */
const What = ({ schedule }: { schedule: ScheduledOperation }) => {
  const path = targetPath(schedule);
  const target = schedule.targetName ?? (schedule.templateId ? 'a catalog item that is gone' : 'a service that is gone');
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }} data-testid="schedule-name">
        {schedule.name}
      </Typography>
      <Typography variant="caption" color="text.secondary" data-testid="schedule-target">
        {ACTIONS[schedule.action]}{' '}
        {path && schedule.targetName ? (
          <MuiLink component={Link} to={path} onClick={(e) => e.stopPropagation()}>
            {target}
          </MuiLink>
        ) : (
          target
        )}
      </Typography>
    </Box>
  );
};

/** Once at a date, or the cron schedule in words; then the next run, or that it is done or paused. */
export const When = ({ schedule }: { schedule: ScheduledOperation }) => (
  <Box sx={{ minWidth: 0 }} data-testid="schedule-when">
    <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
      {schedule.cron ? cronInWords(schedule.cron, schedule.timezone) : `once, ${schedule.runAt ? SHORT.format(new Date(schedule.runAt)) : '—'}`}
    </Typography>
    <Typography variant="caption" color="text.secondary" data-testid="schedule-next">
      {!schedule.nextRunAt ? (
        'done'
      ) : !schedule.enabled ? (
        'paused'
      ) : (
        <>
          next <RelativeTime value={schedule.nextRunAt} />
        </>
      )}
    </Typography>
    {/* On a phone the Last run column is hidden: said here instead. */}
    <Box sx={{ display: { xs: 'block', md: 'none' }, mt: 0.5 }}>
      <LastRun schedule={schedule} narrow />
    </Box>
  </Box>
);

/** When it last fired, linked to the request it started, or why it started nothing. */
const LastRun = ({ schedule, narrow = false }: { schedule: ScheduledOperation; narrow?: boolean }) => {
  const id = (name: string) => (narrow ? `${name}-narrow` : name);
  if (!schedule.lastRunAt)
    return narrow ? null : (
      <Typography variant="body2" color="text.secondary">
        never
      </Typography>
    );
  return (
    <Box sx={{ minWidth: 0 }} data-testid={id('schedule-last-run')}>
      <Typography variant={narrow ? 'caption' : 'body2'} component="div">
        {narrow ? 'last run ' : null}
        <RelativeTime value={schedule.lastRunAt} />
      </Typography>
      {schedule.lastRequestId ? (
        <MuiLink
          component={Link}
          to={`/serviceRequests/${encodeURIComponent(schedule.lastRequestId)}/show`}
          variant="caption"
          data-testid={id('schedule-last-request')}
          onClick={(e) => e.stopPropagation()}
        >
          Request {schedule.lastRequestId.slice(0, 8)}
        </MuiLink>
      ) : schedule.lastError ? (
        <Typography variant="caption" color="error" data-testid={id('schedule-last-error')} sx={{ display: 'block', overflowWrap: 'anywhere' }}>
          {schedule.lastError}
        </Typography>
      ) : null}
    </Box>
  );
};

/** Pause (off) or resume (on); a one-shot schedule that has run has nothing to resume. */
const EnabledSwitch = () => {
  const schedule = useRecordContext<ScheduledOperation>();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  if (!schedule) return null;
  const done = !schedule.nextRunAt && !schedule.cron;
  return (
    <Tooltip title={done ? 'It has run: nothing to resume' : schedule.enabled ? 'Pause' : 'Resume'}>
      <span>
        <Switch
          checked={schedule.enabled}
          disabled={isPending || done}
          slotProps={{ input: { 'aria-label': `${schedule.enabled ? 'Pause' : 'Resume'} ${schedule.name}` } }}
          data-testid="schedule-enabled"
          onChange={(e) => {
            // Read now: the switch shows the stored state again until the change is saved.
            const enabled = e.target.checked;
            void update(
              'scheduledOperations',
              { id: schedule.id, data: { enabled }, previousData: schedule },
              {
                mutationMode: 'pessimistic',
                onSuccess: () => notify(enabled ? `${schedule.name} resumed` : `${schedule.name} paused`, { type: 'info' }),
                onError: (error) => notify((error as Error).message, { type: 'error' }),
              },
            );
          }}
        />
      </span>
    </Tooltip>
  );
};

/**
 * Edit: the Schedule… dialog with the schedule's name and timing. Switching between once and
 * repeat drops the other (the server keeps one); a paused schedule stays paused.
 */
const EditButton = () => {
  const schedule = useRecordContext<ScheduledOperation>();
  const notify = useNotify();
  const [update] = useUpdate();
  const [open, setOpen] = useState(false);
  if (!schedule) return null;
  const initial: ScheduleTiming = {
    name: schedule.name,
    runAt: schedule.runAt ?? undefined,
    cron: schedule.cron ?? undefined,
    timezone: schedule.timezone,
  };
  const save = (timing: ScheduleTiming) =>
    new Promise<void>((resolve, reject) => {
      void update(
        'scheduledOperations',
        { id: schedule.id, data: timing, previousData: schedule },
        {
          mutationMode: 'pessimistic',
          onSuccess: () => {
            notify(`${timing.name} saved`, { type: 'info' });
            setOpen(false);
            resolve();
          },
          // Shown in the dialog, which stays open to be corrected.
          onError: (error) => reject(error as Error),
        },
      );
    });
  return (
    <>
      <Tooltip title="Edit">
        <IconButton aria-label={`Edit ${schedule.name}`} onClick={() => setOpen(true)} data-testid="schedule-edit">
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {/* Mounted when opened, so that it starts from the schedule as it is now. */}
      {open ? (
        <ScheduleDialog
          open
          title={`Edit "${schedule.name}"`}
          defaultName={schedule.name}
          initial={initial}
          confirmLabel="Save"
          onClose={() => setOpen(false)}
          onSchedule={save}
        />
      ) : null}
    </>
  );
};

const Empty = () => (
  <Box sx={{ p: 3 }} data-testid="schedules-empty">
    <Typography variant="subtitle1" component="p">
      No scheduled operation.
    </Typography>
    <Typography variant="body2" color="text.secondary">
      Schedule an order from an item’s order form (Schedule…), or a heal or retirement from a service’s page.
    </Typography>
  </Box>
);

const Col = DataTable.Col<ScheduledOperation>;

export const ScheduleList = () => (
  <List
    title="Schedules"
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
    exporter={false}
    empty={false}
    sort={{ field: 'nextRunAt', order: 'ASC' }}
  >
    <DataTable
      bulkActionButtons={false}
      rowClick={false}
      empty={<Empty />}
      data-testid="schedule-list"
      sx={{ '& .RaDataTable-rowCell': { verticalAlign: 'top' } }}
    >
      <Col source="name" label="Schedule" disableSort render={(s) => <What schedule={s} />} />
      <Col source="nextRunAt" label="When" disableSort render={(s) => <When schedule={s} />} />
      <Col source="lastRunAt" label="Last run" disableSort sx={WIDE_ONLY} render={(s) => <LastRun schedule={s} />} />
      <Col
        source="enabled"
        label="On"
        disableSort
        render={(s) => (
          // Side by side on a wide screen; stacked on a phone, where the name and the time need the width.
          <Stack direction={{ xs: 'column', md: 'row' }} sx={{ alignItems: { xs: 'flex-start', md: 'center' } }}>
            <EnabledSwitch />
            <EditButton />
            <DeleteWithConfirmButton
              mutationMode="pessimistic"
              confirmTitle={`Delete the schedule "${s.name}"?`}
              confirmContent="It will not fire again. The requests it started stay."
              data-testid="schedule-delete"
            />
          </Stack>
        )}
      />
    </DataTable>
  </List>
);
