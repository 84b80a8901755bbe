// A moment as people say it ("3 minutes ago", "in 5 days"), with the exact date and time on hover,
// both in the browser's locale (Intl with no locale given). Every page that shows a timestamp uses
// it, so they all read alike and move on together: one clock, shared by every instance, ticks
// while any is on screen.
import { useSyncExternalStore } from 'react';
import { exactTime } from './format';

const TICK_MS = 30_000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
};

/** The current time, updated every 30 s while a component reads it. */
export const useNow = (): number => useSyncExternalStore(subscribe, () => now);

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

// Each unit is used while the distance is under its limit (in that unit), then the next one.
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  // unit, its length in ms, used below this many of it
  ['second', 1000, 45],
  ['minute', 60_000, 45],
  ['hour', 3_600_000, 22],
  ['day', 86_400_000, 26],
  ['month', 2_629_800_000, 11],
  ['year', 31_557_600_000, Infinity],
];

/** "now", "3 minutes ago", "in 5 days", "last year"... from `at` seen at `from`. */
export const relativeTime = (at: Date, from: number): string => {
  const ms = at.getTime() - from;
  for (const [unit, length, below] of UNITS) {
    const count = Math.round(ms / length);
    // Under 45 seconds either way is "now": the clock ticks every 30 s.
    if (Math.abs(count) < below) return unit === 'second' ? relative.format(0, 'second') : relative.format(count, unit);
  }
  return exactTime(at);
};

/**
 * A timestamp (ISO string) relative to now, the exact time in its title (the tooltip on hover) and
 * `dateTime` attribute; `empty` (an em dash) when there is none.
 */
export const RelativeTime = ({ value, empty = '—', testId }: { value: string | null | undefined; empty?: string; testId?: string }) => {
  const current = useNow();
  if (!value) return <>{empty}</>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return (
    <time dateTime={date.toISOString()} title={exactTime(date)} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {relativeTime(date, current)}
    </time>
  );
};
