// The approver's inbox count, live: one subscription shared by every component that shows it (the
// menu's badge, the inbox's title), restarted a while after it fails.
import { useEffect, useSyncExternalStore } from 'react';
import { watchInboxCount } from './api';

const RETRY_MS = 10_000;

let count: number | null = null;
let users = 0;
let stop: (() => void) | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

const publish = (next: number | null) => {
  count = next;
  for (const l of listeners) l();
};

const start = () => {
  stop = watchInboxCount(publish, () => {
    stop = null;
    retry = setTimeout(() => {
      retry = null;
      if (users > 0) start();
    }, RETRY_MS);
  });
};

const subscribeStore = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** How many requests wait for the signed-in approver's decision; null until known. Only for users with `approve`. */
export const useInboxCount = (): number | null => {
  useEffect(() => {
    users++;
    if (users === 1 && !stop && !retry) start();
    return () => {
      users--;
      if (users > 0) return;
      stop?.();
      stop = null;
      if (retry) clearTimeout(retry);
      retry = null;
      publish(null);
    };
  }, []);
  return useSyncExternalStore(subscribeStore, () => count);
};
