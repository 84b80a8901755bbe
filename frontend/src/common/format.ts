const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' });

/** The date and time to the second, with its time zone, as the reader's locale writes them. */
export const exactTime = (date: Date): string => exact.format(date);

/** A date-time written out in full (where a relative one does not fit: tooltips, file names); an em dash when absent.
 * Pages show timestamps with <RelativeTime>, which puts this on hover. */
export const formatDateTime = (value: string | null | undefined): string => (value ? exactTime(new Date(value)) : '—');

export const shortCommit = (commit: string | null | undefined): string => (commit ? commit.slice(0, 10) : '—');

/** A day as a date input takes it (YYYY-MM-DD), in the reader's time zone. */
export const localDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Seconds as a person reads a run time. */
export const duration = (seconds: number | null): string => {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
};
