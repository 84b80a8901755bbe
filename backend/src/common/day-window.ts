import { validationFailed } from './app-error.js';

/** The most days a dashboard window may cover. */
export const MAX_WINDOW_DAYS = 90;

/**
 * The last `days` calendar days, today included, as counted in `timeZone` (an IANA name such as
 * Europe/Paris): the dashboard's figures are per day of the reader's calendar, so that a day's
 * bar and the list filtered on that day (the web UI's date filters are the browser's days) agree.
 */
export interface DayWindow {
  days: number;
  timeZone: string;
}

/** A window: VALIDATION_FAILED for days outside 1..MAX_WINDOW_DAYS or a time zone that is not one. */
export function dayWindow(days: number, timeZone: string): DayWindow {
  if (!Number.isInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) {
    throw validationFailed(`days must be from 1 to ${MAX_WINDOW_DAYS} (got ${days}).`, { days: `must be from 1 to ${MAX_WINDOW_DAYS}` });
  }
  if (!isTimeZone(timeZone)) {
    throw validationFailed(`timeZone must be an IANA time zone such as Europe/Paris or UTC (got "${timeZone}").`, { timeZone: 'is not a time zone' });
  }
  return { days, timeZone };
}

/** An IANA time zone name that ICU knows (its aliases too, such as Asia/Calcutta, which browsers may report). */
function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * SQL over a window given as two parameters (`tz`: the time zone, `days`: the number of days):
 * its first day (a local date, midnight), its first instant (timestamptz), and the local day of a
 * timestamptz expression.
 */
export const windowSql = (tz: string, days: string) => {
  const firstDay = `(date_trunc('day', now() AT TIME ZONE ${tz}) - make_interval(days => ${days} - 1))`;
  return {
    firstDay,
    today: `date_trunc('day', now() AT TIME ZONE ${tz})`,
    start: `(${firstDay} AT TIME ZONE ${tz})`,
    dayOf: (column: string) => `date_trunc('day', ${column} AT TIME ZONE ${tz})`,
  };
};
