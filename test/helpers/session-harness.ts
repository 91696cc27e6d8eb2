import picomatch from 'picomatch';
import type { HomeEvent } from '../../app/shared/home-event';
import { SourceConfigSchema } from '../../app/shared/settings';
import type { SourceStatus } from '../../app/shared/source-status';
import type { z } from 'zod';
import { createSourceRunner } from '../../app/core/engine/source-runner';
import type { SourceAdapter } from '../../app/core/sources/types';

export type SourceConfigInput = z.input<typeof SourceConfigSchema>;

export interface SessionHarness {
  /** Every event the session emitted, in order. */
  events: HomeEvent[];
  /** Every status the source published, in order. */
  statuses: SourceStatus[];
  /** Secrets the session saved (tokens, pairing keys), field → value. */
  savedSecrets: Record<string, string>;
  status(): SourceStatus;
  /** Resolves once `pred` holds (checked on every event and status), rejects after `timeoutMs`. */
  waitFor(pred: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Resolves with the first event (from `fromIndex` on) whose type matches the glob. */
  waitForEvent(typeGlob: string, timeoutMs?: number, fromIndex?: number): Promise<HomeEvent>;
  waitForState(state: SourceStatus['state'], timeoutMs?: number): Promise<SourceStatus>;
  /** Events whose type matches the glob. */
  eventsOf(typeGlob: string): HomeEvent[];
  resume(): void;
  stop(): Promise<void>;
}

/**
 * Runs ONE source for real (real socket, real HTTP, the engine's own runner) with no rules or policy,
 * so source integration tests see exactly what the adapter emits.
 */
export function startSession(
  adapter: SourceAdapter<unknown> | SourceAdapter<never>,
  config: SourceConfigInput,
  secrets: Record<string, string> = {},
): SessionHarness {
  const events: HomeEvent[] = [];
  const statuses: SourceStatus[] = [];
  const savedSecrets: Record<string, string> = {};
  const waiters = new Set<() => void>();
  const poke = () => {
    for (const check of [...waiters]) check();
  };
  // What the session saved is what it reads from then on, as with the engine's settings state.
  const liveSecrets = { ...secrets };
  const runner = createSourceRunner({
    config: SourceConfigSchema.parse(config),
    secrets: () => liveSecrets,
    adapter: adapter as SourceAdapter<unknown>,
    onEvents(batch) {
      events.push(...batch);
      poke();
    },
    onStatus(status) {
      statuses.push(status);
      poke();
    },
    saveSecret(field, value) {
      liveSecrets[field] = value;
      savedSecrets[field] = value;
    },
  });

  const waitFor = (pred: () => boolean, timeoutMs = 5000, what = 'condition') =>
    new Promise<void>((resolve, reject) => {
      if (pred()) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(check);
        const last = statuses.at(-1);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; ${events.length} events ` +
              `(${events.map((e) => e.type).join(', ')}); last status ${JSON.stringify(last)}`,
          ),
        );
      }, timeoutMs);
      const check = () => {
        if (!pred()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });

  const matcher = (glob: string) => picomatch(glob, { dot: true });
  const eventsOf = (glob: string) => {
    const isMatch = matcher(glob);
    return events.filter((e) => isMatch(e.type));
  };

  runner.start();
  return {
    events,
    statuses,
    savedSecrets,
    status: () => runner.status(),
    waitFor,
    async waitForEvent(glob, timeoutMs = 5000, fromIndex = 0) {
      const isMatch = matcher(glob);
      const find = () => events.slice(fromIndex).find((e) => isMatch(e.type));
      await waitFor(() => find() !== undefined, timeoutMs, `an event matching "${glob}"`);
      return find()!;
    },
    async waitForState(state, timeoutMs = 5000) {
      await waitFor(() => runner.status().state === state, timeoutMs, `state "${state}"`);
      return runner.status();
    },
    eventsOf,
    resume: () => runner.resume(),
    stop: () => runner.stop(),
  };
}
