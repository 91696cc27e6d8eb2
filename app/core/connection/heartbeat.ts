import type { HeartbeatOptions } from './types';

export const DEFAULT_HEARTBEAT: HeartbeatOptions = { intervalMs: 30_000, timeoutMs: 10_000 };

export interface Watchdog {
  /** Any frame, ping or pong arrived: the peer is alive. Cheap: called for every frame. */
  activity(): void;
  stop(): void;
}

export interface WatchdogOptions extends HeartbeatOptions {
  now: () => number;
  ping: () => void;
  /** Nothing arrived within `timeoutMs` of a ping: the connection is half-open. */
  dead: (silentForMs: number) => void;
}

/**
 * Pings only when the line has been quiet for `intervalMs`, then expects any frame or the pong within
 * `timeoutMs`. One timer at a time, re-armed lazily, so a busy socket costs a timestamp per frame and
 * no timer churn.
 */
export function startWatchdog(options: WatchdogOptions): Watchdog {
  const { intervalMs, timeoutMs, now } = options;
  let last = now();
  let pingAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const arm = (ms: number) => {
    timer = setTimeout(tick, Math.max(0, ms));
  };
  const tick = () => {
    timer = undefined;
    if (stopped) return;
    const t = now();
    if (pingAt !== undefined) {
      if (last >= pingAt) {
        pingAt = undefined;
        arm(intervalMs - (t - last));
      } else {
        stopped = true;
        options.dead(t - last);
      }
      return;
    }
    const quiet = t - last;
    if (quiet < intervalMs) {
      arm(intervalMs - quiet);
      return;
    }
    pingAt = t;
    options.ping();
    arm(timeoutMs);
  };
  arm(intervalMs);

  return {
    activity() {
      last = now();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
