// The approver's inbox count, live: one subscription shared by every component that shows it (the
// menu's badge, the inbox's title), restarted a while after it fails.
import { liveCount } from '../common/liveCount';
import { watchInboxCount } from './api';

/** How many requests wait for the signed-in approver's decision; null until known. Only for users with `approve`. */
export const useInboxCount = liveCount(watchInboxCount);
