/** A date-time as the reader's locale shows it; an em dash when absent. */
export const formatDateTime = (value: string | null | undefined): string => (value ? new Date(value).toLocaleString() : '—');

export const shortCommit = (commit: string | null | undefined): string => (commit ? commit.slice(0, 10) : '—');
