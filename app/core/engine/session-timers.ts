/** Timers a session makes through its context: unref'd, and all cleared when the source stops. */
export function createSessionTimers() {
  const timers = new Set<NodeJS.Timeout>();
  return {
    setInterval(fn: () => void, ms: number): void {
      const timer = setInterval(fn, ms);
      timer.unref?.();
      timers.add(timer);
    },
    setTimeout(fn: () => void, ms: number): void {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timer.unref?.();
      timers.add(timer);
    },
    clear(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
