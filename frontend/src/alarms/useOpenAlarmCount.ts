// The number of open alarms of the signed-in user's tenants, live (one subscription for the app
// bar's badge and the Alarms page). Only for users with alarms:read.
import { liveCount } from '../common/liveCount';
import { watchOpenAlarmCount } from './api';

export const useOpenAlarmCount = liveCount(watchOpenAlarmCount);
