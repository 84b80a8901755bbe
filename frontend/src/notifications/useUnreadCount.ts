// The number of the signed-in user's unread in-app notifications, live (one subscription for the
// bell and its list).
import { liveCount } from '../common/liveCount';
import { watchUnreadCount } from './api';

export const useUnreadCount = liveCount(watchUnreadCount);
