// The app bar's count of open alarms (live), a link to the Alarms page. Only for users with alarms:read.
import AlarmIcon from '@mui/icons-material/ReportProblem';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { Link } from 'react-router-dom';
import { useOpenAlarmCount } from './useOpenAlarmCount';

export const AlarmCountButton = () => {
  const count = useOpenAlarmCount();
  const label = count === null ? 'Alarms' : count === 1 ? '1 open alarm' : `${count} open alarms`;
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" component={Link} to="/alarms" aria-label={label} data-testid="alarm-count" data-count={count ?? ''}>
        <Badge badgeContent={count ?? 0} color="error" max={99}>
          <AlarmIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
