/** setTimeout fires at once for delays above this (about 24.8 days): longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Resolves on SIGINT/SIGTERM, when the optional duration ends, or when `signal` aborts. */
export function untilStopped(durationMs?: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      clearTimeout(timer);
      resolve();
    };
    if (signal?.aborted) return done();
    signal?.addEventListener('abort', done);
    const wait = (remaining: number) => {
      timer = setTimeout(
        () => (remaining > MAX_TIMER_MS ? wait(remaining - MAX_TIMER_MS) : done()),
        Math.min(remaining, MAX_TIMER_MS),
      );
    };
    if (durationMs !== undefined) wait(durationMs);
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
