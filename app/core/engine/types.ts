import type { HistoryEntry } from '../../shared/history';
import type { Notification } from '../../shared/rules';
import type { SourceStatus } from '../../shared/source-status';
import type { HistoryStore } from '../history/types';
import type { SettingsState } from '../settings/settings-state';
import type { Logger } from '../sources/types';

/** A notification the engine decided to raise; hosts hand it to the OS (or print it). */
export interface RaisedNotification {
  notification: Notification;
  sourceId?: string;
  ruleId?: string;
  /** The history entry it belongs to (absent for coalescing summaries). */
  seq?: number;
  /** Set on summaries of a coalesced burst. */
  summaryOf?: number;
}

export interface EngineOptions {
  /** The owner of settings and secrets: the engine reads them there and follows its changes. */
  state: SettingsState;
  /** Where entries are kept; without one they are only emitted. */
  history?: HistoryStore;
  now?: () => number;
  log?: Logger;
}

export interface EngineEvents {
  entry: [entry: HistoryEntry];
  notification: [notification: RaisedNotification];
  status: [status: SourceStatus];
}

/**
 * Sources, rules and policy over the settings state: a change of settings restarts only the sources
 * whose config or secrets changed, and rules and policy apply at once.
 */
export interface Engine {
  start(): void;
  stop(): Promise<void>;
  /** After sleep/resume or a network change: rebuild every socket now. */
  resume(): void;
  reconnect(sourceId: string): void;
  statuses(): SourceStatus[];
  on<K extends keyof EngineEvents>(event: K, listener: (...args: EngineEvents[K]) => void): () => void;
}
