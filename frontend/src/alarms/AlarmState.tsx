// Where an alarm stands: open, acknowledged (by whom, when) or cleared (when, why), and a link to
// what it is about.
import { Box, Chip, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { RelativeTime } from '../common/RelativeTime';
import { type Alarm, alarmObjectPath } from './api';

/** "open", "acknowledged" or "cleared": the row's data-state. */
export const alarmState = (alarm: Alarm): 'open' | 'acknowledged' | 'cleared' => (alarm.clearedAt ? 'cleared' : alarm.acknowledgedAt ? 'acknowledged' : 'open');

export const AlarmState = ({ alarm }: { alarm: Alarm }) => {
  const state = alarmState(alarm);
  return (
    <Box data-testid="alarm-state" data-state={state} sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.25 }}>
      {state === 'open' ? <Chip size="small" color="error" variant="outlined" label="Open" /> : null}
      {state === 'cleared' ? <Chip size="small" color="success" variant="outlined" label="Cleared" /> : null}
      {state === 'acknowledged' ? <Chip size="small" color="info" variant="outlined" label="Acknowledged" /> : null}
      {alarm.acknowledgedAt ? (
        <Typography variant="caption" color="text.secondary" data-testid="alarm-acknowledged">
          Acknowledged by {alarm.acknowledgedBy ?? 'a deleted user'} <RelativeTime value={alarm.acknowledgedAt} />
        </Typography>
      ) : null}
      {alarm.clearedAt ? (
        <Typography variant="caption" color="text.secondary" data-testid="alarm-cleared" sx={{ overflowWrap: 'anywhere' }}>
          Cleared <RelativeTime value={alarm.clearedAt} />
          {alarm.clearReason ? `: ${alarm.clearReason}` : ''}
        </Typography>
      ) : null}
    </Box>
  );
};

const OBJECT_NAMES: Record<string, string> = { request: 'Request', provider: 'Provider', queue: 'Queue', service: 'Service' };

/** "Request 1a2b3c4d" or "Provider 5e6f7a8b", linked to its page. */
export const AlarmObject = ({ alarm }: { alarm: Alarm }) => {
  const path = alarmObjectPath(alarm);
  // A queue is named by its name; a request or provider by the start of its id.
  const label = `${OBJECT_NAMES[alarm.objectType] ?? alarm.objectType} ${alarm.objectType === 'queue' ? alarm.objectId : alarm.objectId.slice(0, 8)}`;
  return path ? (
    <MuiLink component={Link} to={path} data-testid="alarm-object" title={alarm.objectId} onClick={(e) => e.stopPropagation()}>
      {label}
    </MuiLink>
  ) : (
    <span data-testid="alarm-object">{label}</span>
  );
};
