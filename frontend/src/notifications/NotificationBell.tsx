// The app bar's bell: the live count of unread in-app notifications; it opens the latest ones
// (title, when, a link to what they are about), "Mark all read", and a way to the settings. The
// list is read when it opens and again whenever the count changes while it is open.
import { useEffect, useRef, useState } from 'react';
import BellIcon from '@mui/icons-material/Notifications';
import SettingsIcon from '@mui/icons-material/Settings';
import { Badge, Box, Button, Divider, IconButton, List, ListItemButton, ListItemText, Popover, Tooltip, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useNotify } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import { type InAppNotification, notificationPath, notificationsApi } from './api';
import { NOTIFICATION_SETTINGS_PATH } from './paths';
import { useUnreadCount } from './useUnreadCount';

const SHOWN = 20;
const KEY = ['myNotifications'];

const Entry = ({ notification, onOpen }: { notification: InAppNotification; onOpen: (n: InAppNotification) => void }) => {
  const path = notificationPath(notification);
  const unread = !notification.readAt;
  const text = (
    <ListItemText
      primary={notification.title}
      secondary={<RelativeTime value={notification.createdAt} />}
      slotProps={{ primary: { variant: 'body2', sx: { fontWeight: unread ? 600 : 400, overflowWrap: 'anywhere' } } }}
    />
  );
  return (
    <ListItemButton
      {...(path ? { component: Link, to: path } : {})}
      onClick={() => onOpen(notification)}
      data-testid="notification"
      data-unread={unread}
      sx={{ alignItems: 'flex-start', gap: 1 }}
    >
      <Box
        aria-label={unread ? 'unread' : undefined}
        sx={{ width: 8, height: 8, mt: 1, borderRadius: '50%', flexShrink: 0, bgcolor: unread ? 'primary.main' : 'transparent' }}
      />
      {text}
    </ListItemButton>
  );
};

const Notifications = ({ onClose }: { onClose: () => void }) => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const count = useUnreadCount();
  const { data, error, isPending, refetch } = useQuery({ queryKey: KEY, queryFn: () => notificationsApi.mine(SHOWN) });
  // A new notification (or one read elsewhere) while the list is open.
  useEffect(() => {
    if (count !== null) void refetch();
  }, [count, refetch]);
  const markRead = useMutation({
    mutationFn: (ids: string[] | null) => notificationsApi.markRead(ids),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  // "Mark all read" turns disabled once done: focus goes to the heading first, so it stays in the
  // popover (Escape still closes it) instead of falling to the page.
  const heading = useRef<HTMLHeadingElement>(null);
  const markAll = () => {
    heading.current?.focus();
    markRead.mutate(null);
  };
  const open = (n: InAppNotification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    onClose();
  };
  return (
    <Box sx={{ width: 400, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-list">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1, gap: 1 }}>
        <Typography variant="subtitle1" component="h2" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
          Notifications
        </Typography>
        <Button size="small" disabled={!count || markRead.isPending} onClick={markAll}>
          Mark all read
        </Button>
      </Box>
      <Divider />
      {error ? (
        <Typography color="error" sx={{ p: 2 }}>
          {error.message}
        </Typography>
      ) : isPending ? (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          Loading…
        </Typography>
      ) : data.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }} data-testid="notifications-empty">
          Nothing yet. Choose what to be told of in the notification settings.
        </Typography>
      ) : (
        <List dense disablePadding sx={{ maxHeight: 'min(60vh, 480px)', overflowY: 'auto' }}>
          {data.map((n) => (
            <Entry key={n.id} notification={n} onOpen={open} />
          ))}
        </List>
      )}
      <Divider />
      <Box sx={{ px: 1, py: 0.5 }}>
        <Button size="small" component={Link} to={NOTIFICATION_SETTINGS_PATH} startIcon={<SettingsIcon />} onClick={onClose}>
          Notification settings
        </Button>
      </Box>
    </Box>
  );
};

export const NotificationBell = () => {
  const count = useUnreadCount();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const label = count ? `Notifications: ${count} unread` : 'Notifications';
  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" aria-label={label} onClick={(e) => setAnchor(e.currentTarget)} data-testid="notification-bell" data-count={count ?? ''}>
          <Badge badgeContent={count ?? 0} color="error" max={99}>
            <BellIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        {anchor ? <Notifications onClose={() => setAnchor(null)} /> : null}
      </Popover>
    </>
  );
};
