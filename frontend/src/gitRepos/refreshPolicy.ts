/** Seconds as a person would say them: 90 → "1 min 30 s", 3600 → "1 h". */
export const formatSeconds = (seconds: number): string => {
  if (seconds < 60) return `${seconds} s`;
  const parts: string[] = [];
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (rest) parts.push(`${rest} s`);
  return parts.join(' ');
};

export const describeMaxAge = (seconds: number | null): string =>
  seconds === null ? 'never' : seconds === 0 ? 'before every run' : `when older than ${formatSeconds(seconds)}`;

export const describeInterval = (seconds: number | null): string => (seconds === null ? 'off' : `every ${formatSeconds(seconds)}`);
