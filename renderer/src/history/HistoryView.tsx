import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../app/shared/history';
import type { Settings } from '../../../app/shared/settings';
import { useDebounced } from '../hooks/useDebounced';
import { emptyFilters, useHistory } from '../hooks/useHistory';
import type { HistoryFilters as Filters } from '../hooks/useHistory';
import { useNames } from '../hooks/useNames';
import { Welcome } from '../welcome/Welcome';
import { EntryDetail } from './EntryDetail';
import { HistoryFilters } from './HistoryFilters';
import { HistoryList } from './HistoryList';

interface Props {
  /** The entry a clicked notification opened the window for; it is marked read and scrolled to. */
  focusSeq?: number;
  settings: Settings | undefined;
}

export function HistoryView({ focusSeq, settings }: Props) {
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const debouncedText = useDebounced(filters.text, 250);
  const history = useHistory({ ...filters, text: debouncedText });
  const names = useNames(settings);
  const [selected, setSelected] = useState<HistoryEntry>();
  const sources = (settings?.sources ?? []).map((s) => ({ id: s.id, name: s.name }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(emptyFilters);
  const { markRead } = history;
  useEffect(() => {
    if (focusSeq !== undefined) void markRead([focusSeq]).catch(() => undefined);
  }, [focusSeq, markRead]);

  // The list re-reads as entries arrive: the pane shows the fresh copy of its entry (read, say).
  const shown = (selected && history.entries.find((e) => e.seq === selected.seq)) ?? selected;
  const markOne = useCallback(
    (seq: number) => {
      void markRead([seq]).catch(() => undefined);
      setSelected((entry) => (entry?.seq === seq ? { ...entry, read: true } : entry));
    },
    [markRead],
  );
  const close = useCallback(() => {
    const seq = selected?.seq;
    setSelected(undefined);
    // Back where the user was: the entry they opened, if it is still on screen.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`article[data-seq="${seq}"]`)?.focus());
  }, [selected]);

  const welcome =
    !history.loading && history.entries.length === 0 && !filtered && settings?.sources.length === 0;
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
      <div className={`history-body${shown ? ' with-detail' : ''}`}>
        {welcome ? (
          <Welcome />
        ) : !history.loading && history.entries.length === 0 ? (
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
            names={names}
            focusSeq={focusSeq}
            selectedSeq={shown?.seq}
            onLoadMore={() => void history.loadMore()}
            onMarkRead={markOne}
            onOpen={setSelected}
          />
        )}
        {shown && (
          <EntryDetail
            entry={shown}
            names={names}
            onClose={close}
            onMarkRead={markOne}
            onOpenEntry={setSelected}
          />
        )}
      </div>
    </section>
  );
}
