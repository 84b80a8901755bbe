/** A date-time as the reader's locale shows it; an em dash when absent. */
export const formatDateTime = (value: string | null | undefined): string => (value ? new Date(value).toLocaleString() : '—');

export const shortCommit = (commit: string | null | undefined): string => (commit ? commit.slice(0, 10) : '—');

/** A day as a date input takes it (YYYY-MM-DD), in the reader's time zone. */
export const localDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
