// "Schedule…" on an active service's page: a heal or a retirement, once or on a cron schedule.
import { useState } from 'react';
import EventIcon from '@mui/icons-material/Event';
import { Button, FormControlLabel, Radio, RadioGroup } from '@mui/material';
import { useCreate, useNotify, useRedirect } from 'react-admin';
import { ScheduleDialog, type ScheduleTiming } from './ScheduleDialog';

export const ScheduleServiceButton = ({ service }: { service: { id: string; name: string; status: string } }) => {
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<'heal' | 'retire'>('heal');
  const [create] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();
  if (service.status !== 'active') return null;
  const schedule = async (timing: ScheduleTiming) => {
    await create('scheduledOperations', { data: { ...timing, action, serviceId: service.id } }, { returnPromise: true });
    setOpen(false);
    notify(`${timing.name} scheduled`, { type: 'info' });
    redirect('list', 'scheduledOperations');
  };
  return (
    <>
      <Button variant="outlined" startIcon={<EventIcon />} data-testid="schedule-service" onClick={() => setOpen(true)}>
        Schedule…
      </Button>
      {open ? (
        <ScheduleDialog
          open
          key={action}
          title={`Schedule on ${service.name}`}
          defaultName={`${action === 'heal' ? 'Heal' : 'Retire'} ${service.name}`}
          onClose={() => setOpen(false)}
          onSchedule={schedule}
        >
          <RadioGroup row value={action} onChange={(e) => setAction(e.target.value as 'heal' | 'retire')}>
            <FormControlLabel value="heal" control={<Radio />} label="Heal" data-testid="schedule-heal" />
            <FormControlLabel value="retire" control={<Radio />} label="Retire" data-testid="schedule-retire" />
          </RadioGroup>
        </ScheduleDialog>
      ) : null}
    </>
  );
};
