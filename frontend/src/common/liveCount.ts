// A count the server pushes over a GraphQL subscription (open alarms, unread notifications), shared
// by every component that shows it: one subscription while any of them is mounted, restarted a
// while after it fails, stopped when the last one goes.
import { useEffect, useSyncExternalStore } from 'react';

const RETRY_MS = 10_000;

/** `watch` starts the subscription (calling onCount at each value) and returns the function that stops it. */
export type WatchCount = (onCount: (count: number) => void, onError: (error: unknown) => void) => () => void;

/** A hook giving the live count, null until known. */
export function liveCount(watch: WatchCount): () => number | null {
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
    stop = watch(publish, () => {
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

  return function useLiveCount(): number | null {
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
}
