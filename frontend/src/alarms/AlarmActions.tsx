// "Acknowledge" (someone is on it; the alarm stays open) and "Clear" (by hand, after a confirmation)
// for an open alarm, to those with alarms:write. The server's refusal (cleared meanwhile) is shown as is.
import { useState } from 'react';
import AckIcon from '@mui/icons-material/PanTool';
import ClearIcon from '@mui/icons-material/CheckCircleOutlined';
import { Box, Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useDataProvider, useNotify, usePermissions } from 'react-admin';
import { can } from '../authProvider';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { Alarm } from './api';

export const AlarmActions = ({ alarm, onDone }: { alarm: Alarm; onDone: () => unknown }) => {
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (action: 'acknowledge' | 'clear') => (action === 'acknowledge' ? dataProvider.acknowledgeAlarm(alarm.id) : dataProvider.clearAlarm(alarm.id)),
    onSuccess: (_, action) => notify(action === 'acknowledge' ? 'Alarm acknowledged' : 'Alarm cleared', { type: 'success' }),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => {
      setConfirming(false);
      void onDone();
    },
  });
  if (!can(permissions, 'alarms:write') || alarm.clearedAt) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} onClick={(e) => e.stopPropagation()}>
      {alarm.acknowledgedAt ? null : (
        <Button size="small" startIcon={<AckIcon />} disabled={isPending} onClick={() => mutate('acknowledge')} aria-label={`Acknowledge: ${alarm.message}`}>
          Acknowledge
        </Button>
      )}
      <Button
        size="small"
        color="success"
        startIcon={<ClearIcon />}
        disabled={isPending}
        onClick={() => setConfirming(true)}
        aria-label={`Clear: ${alarm.message}`}
      >
        Clear
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="Clear this alarm?"
        content="It moves to the cleared alarms, recorded as cleared by you. Clear it when its cause is dealt with: if the cause comes back, a new alarm is raised."
        confirm="Clear alarm"
        onConfirm={() => mutate('clear')}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};
