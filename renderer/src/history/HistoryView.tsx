import { useEffect, useMemo, useState } from 'react';
import { useDebounced } from '../hooks/useDebounced';
import { emptyFilters, useHistory } from '../hooks/useHistory';
import type { HistoryFilters as Filters } from '../hooks/useHistory';
import { useSourceStatuses } from '../hooks/useSourceStatuses';
import { HistoryFilters } from './HistoryFilters';
import { HistoryList } from './HistoryList';

/** `focusSeq`: the entry a clicked notification opened the window for; it is marked read and scrolled to. */
export function HistoryView({ focusSeq }: { focusSeq?: number }) {
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const debouncedText = useDebounced(filters.text, 250);
  const history = useHistory({ ...filters, text: debouncedText });
  const statuses = useSourceStatuses();
  const sources = useMemo(
    () => Object.values(statuses).map((s) => ({ id: s.sourceId, name: s.name })),
    [statuses],
  );
  const sourceNames = useMemo(() => Object.fromEntries(sources.map((s) => [s.id, s.name])), [sources]);
  const filtered = JSON.stringify(filters) !== JSON.stringify(emptyFilters);
  const { markRead } = history;
  useEffect(() => {
    if (focusSeq !== undefined) void markRead([focusSeq]).catch(() => undefined);
  }, [focusSeq, markRead]);

  return (
    <section className="view history-view" aria-labelledby="history-heading">
      <div className="view-header">
        <h2 id="history-heading">History</h2>
        <p className="counts" aria-live="polite">
          <span data-testid="total-count">{history.total}</span> {history.total === 1 ? 'event' : 'events'} ·{' '}
          <span data-testid="unread-count">{history.unread}</span> unread
        </p>
        <button
          type="button"
          className="secondary"
          disabled={history.unread === 0}
          onClick={() => void history.markRead('all')}
        >
          Mark all read
        </button>
      </div>
      <HistoryFilters filters={filters} sources={sources} onChange={setFilters} />
      {history.error && (
        <p className="banner error" role="alert">
          Could not load history: {history.error}
        </p>
      )}
      {!history.loading && history.entries.length === 0 ? (
        <div className="empty">
          <p>
            {filtered
              ? 'Nothing matches these filters.'
              : 'No events yet. They appear here as your servers send them.'}
          </p>
          {filtered && (
            <button type="button" className="secondary" onClick={() => setFilters(emptyFilters)}>
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <HistoryList
          entries={history.entries}
          hasMore={history.hasMore}
          sourceNames={sourceNames}
          focusSeq={focusSeq}
          onLoadMore={() => void history.loadMore()}
          onMarkRead={(seq) => void history.markRead([seq])}
        />
      )}
    </section>
  );
}
