import type { BackoffOptions } from './types';

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000, resetAfterMs: 30_000 };

export interface Backoff {
  /** Attempts made since the last reset. */
  readonly attempt: number;
  /** The delay before the next attempt (full jitter: uniform in [0, min(max, initial·2^attempt)]). */
  next(): number;
  /** Called when a socket that was open closes: resets only when it stayed open long enough. */
  closedAfterOpen(openForMs: number): void;
  reset(): void;
}

// 2^30 · initial already dwarfs any sane cap; keeps the arithmetic finite.
const MAX_EXPONENT = 30;

export function resolveBackoffOptions(partial: Partial<BackoffOptions> = {}): BackoffOptions {
  const merged = { ...DEFAULT_BACKOFF, ...definedOnly(partial) };
  const initialMs = Math.max(0, merged.initialMs);
  return {
    initialMs,
    maxMs: Math.max(initialMs, merged.maxMs),
    resetAfterMs: Math.max(0, merged.resetAfterMs),
  };
}

export function createBackoff(
  options: Partial<BackoffOptions> = {},
  random: () => number = Math.random,
): Backoff {
  const { initialMs, maxMs, resetAfterMs } = resolveBackoffOptions(options);
  let attempt = 0;
  return {
    get attempt() {
      return attempt;
    },
    next() {
      const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, MAX_EXPONENT));
      attempt += 1;
      const r = Math.min(Math.max(random(), 0), 1);
      return Math.round(r * ceiling);
    },
    closedAfterOpen(openForMs: number) {
      // A flapping server (accepts, then drops at once) must keep growing the delay.
      if (openForMs >= resetAfterMs) attempt = 0;
    },
    reset() {
      attempt = 0;
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
