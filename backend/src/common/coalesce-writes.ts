import type { Socket } from 'node:net';

/**
 * Lets the WebSocket frames sent during the current tick leave in one write: the first
 * one corks the connection's socket, which is uncorked once the tick's work is done.
 * A subscription that yields a batch of job events sends one frame per event, all in
 * one tick; written one by one, each costs a system call and wakes the client up. `ws`
 * offers no public handle on its socket, hence the private `_socket`: when it is not
 * there, frames are simply written one by one as before.
 */
export function coalesceWrites(extra: unknown): void {
  const socket = (extra as { socket?: { _socket?: Socket } } | undefined)?.socket?._socket;
  if (!socket || typeof socket.cork !== 'function' || socket.writableCorked > 0 || socket.destroyed) return;
  socket.cork();
  process.nextTick(() => socket.uncork());
}
