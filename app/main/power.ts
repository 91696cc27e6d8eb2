export interface PowerDeps {
  powerMonitor: { on(event: 'resume' | 'unlock-screen', listener: () => void): unknown };
  /** Rebuild every socket: after sleep a socket can still look open while it is dead. */
  resume(): void;
  now?: () => number;
  /** Wi-Fi needs a moment after wake; reconnecting at once only fails and backs off. */
  settleMs?: number;
  /** How often the wall-clock check runs; a much larger gap between runs means the machine slept. */
  tickMs?: number;
}

/**
 * Sleep/resume handling, belt and braces: Electron's resume event where it fires, and a timer that
 * notices the wall clock jumping (resume events are not reliable on every Linux desktop).
 */
export function watchPower(deps: PowerDeps): () => void {
  const now = deps.now ?? Date.now;
  const settleMs = deps.settleMs ?? 3000;
  const tickMs = deps.tickMs ?? 30_000;
  let pending: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      deps.resume();
    }, settleMs);
  };
  deps.powerMonitor.on('resume', schedule);
  deps.powerMonitor.on('unlock-screen', schedule);
  let last = now();
  const ticker = setInterval(() => {
    const t = now();
    if (t - last > tickMs * 3) schedule();
    last = t;
  }, tickMs);
  ticker.unref?.();
  return () => {
    clearInterval(ticker);
    if (pending) clearTimeout(pending);
  };
}
