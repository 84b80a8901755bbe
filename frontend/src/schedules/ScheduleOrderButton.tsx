// "Schedule…" beside Order on an item's order form: the form is checked as for an order, then the
// dialog asks when; the schedule is made with the form's values (the server checks them as an order
// would) and the Schedules page is opened.
import { useState } from 'react';
import EventIcon from '@mui/icons-material/Event';
import { Button } from '@mui/material';
import { useFormContext } from 'react-hook-form';
import { useCreate, useNotify, useRedirect } from 'react-admin';
import { ScheduleDialog, type ScheduleTiming } from './ScheduleDialog';

export const ScheduleOrderButton = ({ itemName, toOrder }: { itemName: string; toOrder: (form: Record<string, unknown>) => Record<string, unknown> }) => {
  const form = useFormContext<Record<string, unknown>>();
  const [open, setOpen] = useState(false);
  const [create] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();
  const schedule = async (timing: ScheduleTiming) => {
    const { templateId, dialogValues, jobOptions } = toOrder(form.getValues());
    await create('scheduledOperations', { data: { ...timing, action: 'order', templateId, dialogValues, jobOptions } }, { returnPromise: true });
    setOpen(false);
    notify(`${timing.name} scheduled`, { type: 'info' });
    redirect('list', 'scheduledOperations');
  };
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<EventIcon />}
        data-testid="schedule-order"
        onClick={() =>
          void form
            .trigger()
            .then((valid) => (valid ? setOpen(true) : notify('Fill the form first: the schedule orders with its values.', { type: 'warning' })))
        }
      >
        Schedule…
      </Button>
      {open ? (
        <ScheduleDialog
          open
          title={`Schedule an order of ${itemName}`}
          defaultName={`Order ${itemName}`}
          onClose={() => setOpen(false)}
          onSchedule={schedule}
        />
      ) : null}
    </>
  );
};
