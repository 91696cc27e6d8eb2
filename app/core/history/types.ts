import type { HistoryEntry, HistoryPage, HistoryQuery } from '../../shared/history';
import type { HomeEvent } from '../../shared/home-event';
import type { Decision } from '../../shared/rules';

export interface RetentionOptions {
  maxEntries: number;
  maxAgeDays: number;
}

export interface HistoryStore {
  /** `read` defaults to false; the engine passes true for what did not notify, so only unseen notifications count as unread. */
  append(event: HomeEvent, decision: Decision, read?: boolean): HistoryEntry;
  query(query: HistoryQuery): HistoryPage;
  markRead(seqs: number[] | 'all'): void;
  unreadCount(): number;
  clear(): void;
  setRetention(retention: RetentionOptions): void;
  /** Flush and release the file. */
  close(): Promise<void>;
}
