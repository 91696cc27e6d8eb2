import type { HistoryEntry } from '../../shared/history';
import { HistoryIndex } from './history-index';
import type { HistoryStore, RetentionOptions } from './types';

/**
 * A history that lives only as long as the process: for tests, `herald watch`, and as the fallback
 * when the history file cannot be opened. Same queries and retention as the file-backed store.
 */
export function createMemoryHistory(opts: { retention: RetentionOptions; now?: () => number }): HistoryStore {
  const now = opts.now ?? Date.now;
  let retention: RetentionOptions = { ...opts.retention };
  const index = new HistoryIndex();
  return {
    append(event, decision, read = false) {
      const entry: HistoryEntry = { seq: index.lastSeq + 1, recordedAt: now(), event, decision, read };
      index.add(entry);
      index.trim(retention, entry.recordedAt);
      return { ...entry };
    },
    query: (query) => index.query(query),
    markRead(seqs) {
      if (seqs === 'all') index.markAllRead(index.lastSeq);
      else index.markRead(seqs);
    },
    unreadCount: () => index.unreadCount,
    clear: () => index.clear(),
    setRetention(next) {
      retention = { ...next };
      index.trim(retention, now());
    },
    close: () => Promise.resolve(),
  };
}
