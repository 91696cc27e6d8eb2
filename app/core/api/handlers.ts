import type {
  ApiChannel,
  ApiParsedRequest,
  ApiResponse,
  ApiResult,
  PushChannel,
  PushPayload,
  SettingsSetResult,
  SourceKindInfo,
} from '../../shared/api';
import { API, PUSH, isApiChannel, requestSchemas } from '../../shared/api';
import type { Notification } from '../../shared/rules';
import type { Secrets, Settings } from '../../shared/settings';
import type { Engine } from '../engine/types';
import type { HistoryStore } from '../history/types';
import { listAdapters } from '../sources/registry';
import type { ParseSettingsResult } from '../settings';
import {
  exportSettings,
  importSettingsDocument,
  parseSettingsDocument,
  secretsForRestore,
} from '../settings';
import { issuesToFieldErrors, messagesToFieldErrors } from './field-errors';
import { previewImport } from './import-preview';
import { previewRule } from './rule-preview';
import { testConnection } from './test-connection';
import type { SettingsState } from '../settings/settings-state';
import { withSnoozes } from '../../shared/snooze';

export interface ApiHandlerDeps {
  engine: Engine;
  history: HistoryStore;
  /** The owner of settings and secrets: requests change it, its changes are pushed. */
  state: SettingsState;
  host: 'electron' | 'serve';
  version: string;
  /** Show an OS notification (Electron). Serve has none: the page shows `notification:raised` pushes. */
  notify?: (notification: Notification) => void;
  /** Open an already-validated http(s) URL. Absent: the page opens it itself. */
  openUrl?: (url: string) => void | Promise<void>;
  listKinds?: () => SourceKindInfo[];
  /** The host's standing problems, shown in every window. */
  warnings?: () => string[];
  /** Where passwords typed in the UI end up, when that is not the system keychain (serve). */
  secretsNote?: () => string | undefined;
  /** The generation the host kept before the last save that changed settings (settings:restorePrevious). */
  loadPrevious?: () => ParseSettingsResult | undefined;
  now?: () => number;
}

export type PushListener = <P extends PushChannel>(channel: P, payload: PushPayload<P>) => void;

export interface ApiHandlers {
  /** Validates and runs one request. Never throws: every failure is an `{ ok: false, error }`. */
  handle(channel: unknown, request: unknown): Promise<ApiResult<unknown>>;
  /** Pushes for every connected UI: engine entries and statuses, settings changes, raised notifications. */
  onPush(listener: PushListener): () => void;
  dispose(): void;
}

type Impl = { [C in ApiChannel]: (request: ApiParsedRequest<C>) => ApiResponse<C> | Promise<ApiResponse<C>> };

function kindsFromRegistry(): SourceKindInfo[] {
  return listAdapters().map((adapter) => ({
    kind: adapter.kind,
    displayName: adapter.displayName,
    description: adapter.description,
    defaultUrl: adapter.defaultUrl,
    fields: adapter.fields.map((field) => ({ ...field })),
    secretFields: [...adapter.secretFields],
    presets: structuredClone(adapter.presets),
    ...(adapter.pairing ? { pairing: { ...adapter.pairing } } : {}),
  }));
}

export function createApiHandlers(deps: ApiHandlerDeps): ApiHandlers {
  const listKinds = deps.listKinds ?? kindsFromRegistry;
  const now = deps.now ?? Date.now;
  const listeners = new Set<PushListener>();

  const push: PushListener = (channel, payload) => {
    for (const listener of listeners) listener(channel, payload);
  };

  const { state } = deps;
  const commit = (settings: Settings, secrets: Secrets) => void state.update(() => ({ settings, secrets }));

  function requireSource(settings: Settings, sourceId: string) {
    const source = settings.sources.find((s) => s.id === sourceId);
    if (!source) throw new Error(`no source with id "${sourceId}"`);
    return source;
  }

  function applyParsed(result: ParseSettingsResult): SettingsSetResult {
    if (!result.ok) return { ok: false, errors: messagesToFieldErrors(result.errors) };
    const { secrets } = state;
    const merged: Secrets = { ...secrets };
    for (const [id, fields] of Object.entries(result.secrets)) merged[id] = { ...merged[id], ...fields };
    commit(result.settings, merged);
    // The settings themselves reach every window once, by the settings:changed push.
    return { ok: true };
  }

  const impl: Impl = {
    [API.settingsGet]: () => state.settings,
    // A complete settings document only (see settings-document.ts). Secret fields sent inline (in a
    // source's options) are split off into the secret store.
    [API.settingsSet]: (raw) => applyParsed(parseSettingsDocument(raw)),
    [API.settingsExport]: ({ includeSecrets }) => {
      const { settings, secrets } = state;
      const day = new Date(now()).toISOString().slice(0, 10);
      return {
        text: exportSettings(settings, secrets, { includeSecrets }),
        filename: `herald-settings-${day}.json`,
      };
    },
    [API.settingsImport]: ({ text }) => applyParsed(importSettingsDocument(text)),
    [API.settingsRestorePrevious]: () => {
      const previous = deps.loadPrevious?.();
      if (!previous)
        throw new Error('There are no previous settings to restore yet: one is kept on each save.');
      if (!previous.ok) return { ok: false, errors: messagesToFieldErrors(previous.errors) };
      commit(previous.settings, secretsForRestore(previous.secrets, state.secrets));
      return { ok: true };
    },
    [API.settingsImportPreview]: ({ text }) => previewImport(text),
    [API.secretsSet]: ({ sourceId, field, value }) => {
      const { settings, secrets } = state;
      const source = requireSource(settings, sourceId);
      const kind = listKinds().find((k) => k.kind === source.kind);
      if (kind && !kind.secretFields.includes(field))
        throw new Error(`"${field}" is not a secret field of ${kind.displayName}`);
      commit(settings, { ...secrets, [sourceId]: { ...secrets[sourceId], [field]: value } });
      return undefined;
    },
    [API.secretsClear]: ({ sourceId, field }) => {
      const { settings, secrets } = state;
      requireSource(settings, sourceId);
      const rest = { ...secrets[sourceId] };
      delete rest[field];
      commit(settings, { ...secrets, [sourceId]: rest });
      return undefined;
    },
    [API.secretsStatus]: () => {
      const { settings, secrets } = state;
      return Object.fromEntries(
        settings.sources.map((s) => [
          s.id,
          Object.keys(secrets[s.id] ?? {}).filter((f) => secrets[s.id]?.[f]),
        ]),
      );
    },
    [API.historyQuery]: (query) => deps.history.query(query),
    [API.historyMarkRead]: ({ seqs }) => {
      deps.history.markRead(seqs);
      return { unread: deps.history.unreadCount() };
    },
    [API.historyClear]: () => {
      deps.history.clear();
      return undefined;
    },
    [API.sourcesList]: () => deps.engine.statuses(),
    [API.sourceKinds]: () => listKinds(),
    [API.sourceReconnect]: ({ sourceId }) => {
      requireSource(state.settings, sourceId);
      deps.engine.reconnect(sourceId);
      return undefined;
    },
    [API.sourcePair]: ({ sourceId }) => {
      const { settings, secrets } = state;
      const source = requireSource(settings, sourceId);
      const kind = listKinds().find((k) => k.kind === source.kind);
      if (!kind?.pairing) throw new Error(`${kind?.displayName ?? source.kind} sources do not pair`);
      const field = kind.pairing.secretField;
      const own = Object.hasOwn(secrets, sourceId) ? secrets[sourceId]! : {};
      if (own[field]) {
        // Without the stale key the restarted source pairs afresh (settings changes restart it).
        const rest = { ...own };
        delete rest[field];
        commit(settings, { ...secrets, [sourceId]: rest });
      } else {
        // No key stored (a run's own pairing, or it never got one): a reconnect pairs again.
        deps.engine.reconnect(sourceId);
      }
      return undefined;
    },
    [API.sourceSnooze]: ({ sourceId, until }) => {
      const { settings, secrets } = state;
      requireSource(settings, sourceId);
      commit({ ...settings, snoozes: withSnoozes(settings.snoozes, [sourceId], until, now()) }, secrets);
      return undefined;
    },
    [API.sourceTest]: (request) => testConnection(request, { stored: () => state }),
    [API.rulePreview]: (request) => previewRule(request, { settings: state.settings, history: deps.history }),
    [API.testNotification]: () => {
      const notification: Notification = {
        title: 'Herald test notification',
        body: 'If you can read this, notifications work.',
        severity: 'info',
        urgency: 'normal',
        silent: false,
      };
      deps.notify?.(notification);
      push(PUSH.notificationRaised, notification);
      return undefined;
    },
    [API.openUrl]: async ({ url }) => {
      if (!deps.openUrl) return { openedByHost: false, url };
      await deps.openUrl(url);
      return { openedByHost: true, url };
    },
    [API.appInfo]: () => ({
      name: 'Herald',
      version: deps.version,
      host: deps.host,
      warnings: deps.warnings?.() ?? [],
      ...(deps.secretsNote?.() ? { secretsNote: deps.secretsNote() } : {}),
    }),
  };

  const unsubscribers = [
    state.onChange((current, change) => {
      if (current.settings !== change.previous.settings) push(PUSH.settingsChanged, current.settings);
    }),
    deps.engine.on('entry', (entry) => push(PUSH.historyAppended, entry)),
    deps.engine.on('status', (status) => push(PUSH.sourcesStatus, status)),
    deps.engine.on('notification', (raised) => push(PUSH.notificationRaised, raised.notification)),
  ];

  return {
    async handle(channel, request) {
      if (!isApiChannel(channel)) {
        return {
          ok: false,
          error: { code: 'unknown-channel', message: `unknown channel ${JSON.stringify(channel)}` },
        };
      }
      const parsed = requestSchemas[channel].safeParse(request);
      if (!parsed.success) {
        const issues = issuesToFieldErrors(parsed.error.issues);
        const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
        return {
          ok: false,
          error: { code: 'bad-request', message: `invalid ${channel} request: ${summary}`, issues },
        };
      }
      try {
        const run = impl[channel] as (request: unknown) => unknown;
        return { ok: true, value: await run(parsed.data) };
      } catch (error) {
        return {
          ok: false,
          error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
        };
      }
    },
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      for (const off of unsubscribers) off();
      listeners.clear();
    },
  };
}
