import type { Writable } from 'node:stream';

/**
 * Calls `onStall` once `out` has waited `ms` for its reader without taking anything (a client
 * that stopped reading, a paused download): such a download would otherwise hold its snapshot,
 * a connection of the pool, for as long as the TCP connection lives. Answers the stop function.
 */
export function watchStall(out: Writable, ms: number, onStall: () => void): () => void {
  let progress = Date.now();
  const moved = () => (progress = Date.now());
  out.on('drain', moved);
  const timer = setInterval(
    () => {
      if (!out.writableNeedDrain) return moved();
      if (Date.now() - progress >= ms) {
        stop();
        onStall();
      }
    },
    Math.max(50, Math.min(1000, ms / 4)),
  );
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    out.off('drain', moved);
  };
  return stop;
}
