import type { HomeEvent } from '../../shared/home-event';
import type { SourceConfig } from '../../shared/settings';
import type { SourceStatus } from '../../shared/source-status';
import type { ReconnectingSocket, ReconnectingSocketOptions } from '../connection/types';
import { getAdapter, isKnownSourceKind } from '../sources/registry';
import type { Logger } from '../sources/types';
import { createSourceRunner } from './source-runner';
import type { SourceRunner } from './source-runner';

export interface SourcePoolOptions {
  /** The current secrets of a source (field → value); read afresh whenever a runner starts. */
  secretsOf(sourceId: string): Readonly<Record<string, string>>;
  /** A session obtained a secret (login token, pairing key): `secretsOf` returns it from then on. */
  saveSecret(sourceId: string, field: string, value: string): void;
  /** Until when a source is snoozed, for its status. */
  snoozedUntil(sourceId: string): number | undefined;
  onEvents(events: HomeEvent[]): void;
  onStatus(status: SourceStatus): void;
  now: () => number;
  log?: Logger;
  createSocket?: (opts: ReconnectingSocketOptions) => ReconnectingSocket;
}

export interface SourcePool {
  /** Runs exactly these sources: starts new ones, restarts those whose config or secrets changed, stops the rest. */
  apply(wanted: readonly SourceConfig[]): void;
  stopAll(): Promise<void>;
  resume(): void;
  reconnect(sourceId: string): void;
  statuses(): SourceStatus[];
}

interface Running {
  runner: SourceRunner;
  /** What it was started with (config and secrets), to tell a change from no change. */
  started: string;
}

/** The running sources: one runner per enabled source, restarted on change, statuses decorated with snoozes. */
export function createSourcePool(opts: SourcePoolOptions): SourcePool {
  const running = new Map<string, Running>();
  const broken = new Map<string, SourceStatus>();
  const fingerprint = (config: SourceConfig) => JSON.stringify([config, opts.secretsOf(config.id)]);
  const decorate = (status: SourceStatus): SourceStatus => ({
    ...status,
    snoozedUntil: opts.snoozedUntil(status.sourceId),
  });

  const start = (config: SourceConfig) => {
    if (!isKnownSourceKind(config.kind)) {
      const status: SourceStatus = {
        sourceId: config.id,
        sourceKind: config.kind,
        name: config.name,
        state: 'stopped',
        lastError: `unknown source kind "${config.kind}"`,
        badFrames: 0,
        events: 0,
      };
      broken.set(config.id, status);
      opts.onStatus(status);
      return;
    }
    const current = () => {
      const entry = running.get(config.id);
      return entry?.runner === runner ? entry : undefined;
    };
    const runner: SourceRunner = createSourceRunner({
      config,
      secrets: () => opts.secretsOf(config.id),
      adapter: getAdapter(config.kind),
      onEvents: opts.onEvents,
      onStatus: (status) => {
        // A replaced runner's last words ("stopped") must not overwrite its successor's status.
        if (current()) opts.onStatus(decorate(status));
      },
      saveSecret: (field, value) => {
        opts.saveSecret(config.id, field, value);
        // What the session obtained itself is no reason to restart it.
        const entry = current();
        if (entry) entry.started = fingerprint(config);
      },
      now: opts.now,
      log: opts.log,
      createSocket: opts.createSocket,
    });
    running.set(config.id, { runner, started: fingerprint(config) });
    runner.start();
  };

  const stop = async (id: string) => {
    const entry = running.get(id);
    running.delete(id);
    broken.delete(id);
    await entry?.runner.stop();
  };

  return {
    apply(wanted) {
      const keep = new Set<string>();
      for (const config of wanted) {
        keep.add(config.id);
        const entry = running.get(config.id);
        if (entry && entry.started === fingerprint(config)) continue;
        // Stopping is async, but a runner's config is fixed, so the new one can start at once.
        void stop(config.id);
        start(config);
      }
      for (const id of [...running.keys(), ...broken.keys()]) if (!keep.has(id)) void stop(id);
    },
    async stopAll() {
      await Promise.all([...running.keys(), ...broken.keys()].map(stop));
    },
    resume() {
      for (const { runner } of running.values()) runner.resume();
    },
    reconnect(sourceId) {
      running.get(sourceId)?.runner.resume();
    },
    statuses() {
      const live = [...running.values()].map(({ runner }) => decorate(runner.status()));
      return [...live, ...broken.values()];
    },
  };
}
