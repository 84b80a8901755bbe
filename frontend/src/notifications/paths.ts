/** The notification settings page (from the user menu and the bell). */
export const NOTIFICATION_SETTINGS_PATH = '/notification-settings';
