import type { HistoryEntry } from '../../shared/history';
import type { Notification } from '../../shared/rules';
import type { Secrets, Settings } from '../../shared/settings';
import type { SourceStatus } from '../../shared/source-status';
import type { HistoryStore } from '../history/types';
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
  settings: Settings;
  secrets: Secrets;
  /** Where entries are kept; without one they are only emitted. */
  history?: HistoryStore;
  /** A session obtained a secret (login token, pairing key): the host stores it securely. */
  saveSecret?: (sourceId: string, field: string, value: string) => void;
  now?: () => number;
  log?: Logger;
}

export interface EngineEvents {
  entry: [entry: HistoryEntry];
  notification: [notification: RaisedNotification];
  status: [status: SourceStatus];
}

export interface Engine {
  start(): void;
  stop(): Promise<void>;
  /** Restarts only the sources whose config or secrets changed; rules and policy apply at once. */
  applySettings(settings: Settings, secrets: Secrets): void;
  /** After sleep/resume or a network change: rebuild every socket now. */
  resume(): void;
  reconnect(sourceId: string): void;
  statuses(): SourceStatus[];
  on<K extends keyof EngineEvents>(event: K, listener: (...args: EngineEvents[K]) => void): () => void;
}
