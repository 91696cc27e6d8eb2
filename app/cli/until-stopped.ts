/** Resolves on SIGINT/SIGTERM, or when the optional duration ends. */
export function untilStopped(durationMs?: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = durationMs === undefined ? undefined : setTimeout(done, durationMs);
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
