import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { HistoryEntry } from '../../../app/shared/history';
import { HistoryRow } from './HistoryRow';

interface Props {
  entries: HistoryEntry[];
  hasMore: boolean;
  sourceNames: Record<string, string>;
  focusSeq?: number;
  onLoadMore(): void;
  onMarkRead(seq: number): void;
}

/** Only the rows on screen are in the DOM, so 50 000 entries scroll as smoothly as 50. */
export function HistoryList({ entries, hasMore, sourceNames, focusSeq, onLoadMore, onMarkRead }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 124,
    overscan: 6,
    getItemKey: (index) => entries[index]?.seq ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);

  const focusIndex = focusSeq === undefined ? -1 : entries.findIndex((e) => e.seq === focusSeq);
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'center' });
  }, [focusIndex, virtualizer]);

  useEffect(() => {
    if (hasMore && last && last.index >= entries.length - 10) onLoadMore();
  }, [hasMore, last, entries.length, onLoadMore]);

  return (
    <div className="history-scroll" ref={scrollRef}>
      <div
        className="history-canvas"
        role="feed"
        aria-busy={false}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const entry = entries[item.index]!;
          return (
            <div
              key={item.key}
              className={`history-row${entry.seq === focusSeq ? ' focused' : ''}`}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <HistoryRow
                entry={entry}
                sourceName={sourceNames[entry.event.sourceId] ?? entry.event.sourceId}
                position={item.index + 1}
                setSize={entries.length}
                onMarkRead={onMarkRead}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
