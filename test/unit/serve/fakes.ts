import { EventEmitter } from 'node:events';
import type { Engine, EngineEvents } from '../../../app/core/engine/types';
import type { HistoryStore } from '../../../app/core/history/types';
import type { SettingsPort } from '../../../app/core/settings/settings-port';
import { createSettingsState } from '../../../app/core/settings/settings-state';
import { createApiHandlers } from '../../../app/core/api/handlers';
import type { HistoryEntry, HistoryQuery } from '../../../app/shared/history';
import type { HomeEvent } from '../../../app/shared/home-event';
import type { Decision } from '../../../app/shared/rules';
import type { Secrets, Settings } from '../../../app/shared/settings';
import { defaultSettings } from '../../../app/shared/settings';
import type { SourceStatus } from '../../../app/shared/source-status';

/** An engine stand-in that records calls and lets a test emit entries and statuses. */
export function fakeEngine(statuses: SourceStatus[] = []) {
  const emitter = new EventEmitter();
  const calls = { reconnect: [] as string[] };
  const engine: Engine = {
    start() {},
    async stop() {},
    resume() {},
    reconnect: (id) => void calls.reconnect.push(id),
    statuses: () => statuses,
    on(event, listener) {
      emitter.on(event, listener as (...args: unknown[]) => void);
      return () => emitter.off(event, listener as (...args: unknown[]) => void);
    },
  };
  const emit = <K extends keyof EngineEvents>(event: K, ...args: EngineEvents[K]) =>
    emitter.emit(event, ...args);
  return { engine, calls, emit };
}

export function memoryHistory(): HistoryStore & { entries: HistoryEntry[] } {
  const entries: HistoryEntry[] = [];
  let seq = 0;
  return {
    entries,
    append(event: HomeEvent, decision: Decision) {
      const entry = { seq: ++seq, recordedAt: Date.now(), event, decision, read: false };
      entries.push(entry);
      return entry;
    },
    query(query: HistoryQuery) {
      const list = entries.filter((e) => !query.unreadOnly || !e.read).reverse();
      return { entries: list, total: list.length, unread: entries.filter((e) => !e.read).length };
    },
    markRead(seqs) {
      for (const e of entries) if (seqs === 'all' || seqs.includes(e.seq)) e.read = true;
    },
    unreadCount: () => entries.filter((e) => !e.read).length,
    clear: () => void entries.splice(0),
    setRetention() {},
    async close() {},
  };
}

export function memorySettings(settings: Settings = defaultSettings(), secrets: Secrets = {}) {
  const state = { settings, secrets, saves: 0 };
  const port: SettingsPort = {
    load: () => ({ settings: state.settings, secrets: state.secrets }),
    save(next, nextSecrets) {
      state.settings = next;
      state.secrets = nextSecrets;
      state.saves += 1;
    },
  };
  /** The settings state over the port, and every change it announced (what the engine would apply). */
  const owner = createSettingsState(port);
  const changes: Settings[] = [];
  owner.onChange((current) => void changes.push(current.settings));
  return { port, state, owner, changes };
}

/** The API handlers `herald serve` binds, over fakes. */
export function serveHandlers(
  engine: Engine,
  history: HistoryStore,
  settings: ReturnType<typeof memorySettings> = memorySettings(),
) {
  return createApiHandlers({ engine, history, state: settings.owner, host: 'serve', version: '0.0.0' });
}

export function sampleEvent(over: Partial<HomeEvent> = {}): HomeEvent {
  return {
    id: 'e1',
    sourceId: 'lab',
    sourceKind: 'generic-json',
    type: 'json.alert',
    time: 1_700_000_000_000,
    severity: 'warning',
    title: 'Disk almost full',
    body: '91% used',
    raw: {},
    ...over,
  };
}

export function settingsWithSource(): Settings {
  return {
    ...defaultSettings(),
    sources: [
      {
        id: 'lab',
        kind: 'generic-json',
        name: 'Lab',
        enabled: true,
        url: 'ws://127.0.0.1:1/events',
        options: {},
        presets: true,
      },
    ],
  };
}
