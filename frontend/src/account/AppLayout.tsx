// The portal's layout: react-admin's, with the open alarms' count (alarms:read) and the
// notifications' bell in the app bar, a user menu that names the signed-in user, their tenant and
// their roles and offers "Notifications", "My quotas" and "Change password", and a guard that keeps a user whose password an
// administrator set on the change-password page until they changed it.
import { forwardRef, useEffect, type ReactNode } from 'react';
import LockResetIcon from '@mui/icons-material/LockReset';
import QuotaIcon from '@mui/icons-material/DataUsage';
import NotificationsIcon from '@mui/icons-material/NotificationsActive';
import { Box, Chip, Divider, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { AppBar, Layout, LoadingIndicator, Logout, ToggleThemeButton, UserMenu, useGetIdentity, usePermissions, useUserMenu } from 'react-admin';
import { AlarmCountButton } from '../alarms/AlarmCountButton';
import { can, type Identity } from '../authProvider';
import { NotificationBell } from '../notifications/NotificationBell';
import { NOTIFICATION_SETTINGS_PATH } from '../notifications/paths';
import { MY_QUOTAS_PATH } from '../quotas/paths';

export const CHANGE_PASSWORD_PATH = '/change-password';

const Who = ({ identity }: { identity: Identity }) => (
  <Box sx={{ px: 2, pt: 1, pb: 1.5, maxWidth: 320 }} data-testid="user-menu-identity">
    <Typography variant="subtitle2" noWrap>
      {identity.fullName}
    </Typography>
    {identity.fullName !== identity.username ? (
      <Typography variant="caption" color="text.secondary" component="div" noWrap>
        {identity.username}
      </Typography>
    ) : null}
    <Typography variant="caption" color="text.secondary" component="div" noWrap>
      Tenant: <span data-testid="user-menu-tenant">{identity.tenant.name}</span>
    </Typography>
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.75 }}>
      {identity.roles.length > 0 ? (
        identity.roles.map((role) => <Chip key={role} size="small" label={role} data-testid="user-menu-role" />)
      ) : (
        <Typography variant="caption" color="text.secondary">
          No roles
        </Typography>
      )}
    </Box>
  </Box>
);

const ChangePasswordItem = forwardRef<HTMLAnchorElement>(function ChangePasswordItem(props, ref) {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={CHANGE_PASSWORD_PATH} ref={ref} {...props} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <LockResetIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>Change password</ListItemText>
    </MenuItem>
  );
});

const MyQuotasItem = forwardRef<HTMLAnchorElement>(function MyQuotasItem(props, ref) {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={MY_QUOTAS_PATH} ref={ref} {...props} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <QuotaIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>My quotas</ListItemText>
    </MenuItem>
  );
});

const NotificationSettingsItem = forwardRef<HTMLAnchorElement>(function NotificationSettingsItem(props, ref) {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={NOTIFICATION_SETTINGS_PATH} ref={ref} {...props} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <NotificationsIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>Notifications</ListItemText>
    </MenuItem>
  );
});

const PortalUserMenu = () => {
  const { identity } = useGetIdentity();
  return (
    <UserMenu>
      {identity ? <Who identity={identity as Identity} /> : null}
      {identity ? <Divider /> : null}
      <NotificationSettingsItem />
      <MyQuotasItem />
      <ChangePasswordItem />
      <Logout />
    </UserMenu>
  );
};

/** react-admin's toolbar (theme toggle, loading indicator) after the alarms' count and the bell, for those who may read them. */
const PortalToolbar = () => {
  const { permissions } = usePermissions();
  return (
    <>
      {can(permissions, 'alarms:read') ? <AlarmCountButton /> : null}
      {can(permissions, 'self:read') ? <NotificationBell /> : null}
      <ToggleThemeButton />
      <LoadingIndicator />
    </>
  );
};

const PortalAppBar = () => <AppBar userMenu={<PortalUserMenu />} toolbar={<PortalToolbar />} />;

/** Sends a user who must change their password to the change-password page, from wherever they are. */
const MustChangePasswordGuard = () => {
  const { identity } = useGetIdentity();
  const location = useLocation();
  const navigate = useNavigate();
  const mustChange = (identity as Identity | undefined)?.mustChangePassword === true;
  useEffect(() => {
    if (mustChange && location.pathname !== CHANGE_PASSWORD_PATH) void navigate(CHANGE_PASSWORD_PATH, { replace: true });
  }, [mustChange, location.pathname, navigate]);
  return null;
};

// react-admin's layout is as wide as its widest content (min-width: fit-content): one wide table made a
// whole page scroll sideways on a phone. Here the page keeps the window's width, and wide parts scroll
// inside their own box.
const FIT_WINDOW = { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } as const;

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={PortalAppBar} sx={FIT_WINDOW}>
    <MustChangePasswordGuard />
    {children}
  </Layout>
);
