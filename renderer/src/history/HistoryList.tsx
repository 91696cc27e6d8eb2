import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { HistoryEntry } from '../../../app/shared/history';
import type { Names } from '../hooks/useNames';
import { HistoryRow } from './HistoryRow';

interface Props {
  entries: HistoryEntry[];
  hasMore: boolean;
  names: Names;
  focusSeq?: number;
  selectedSeq?: number;
  onLoadMore(): void;
  onMarkRead(seq: number): void;
  onOpen(entry: HistoryEntry): void;
}

/** Only the rows on screen are in the DOM, so 50 000 entries scroll as smoothly as 50. */
export function HistoryList(props: Props) {
  const { entries, hasMore, names, focusSeq, selectedSeq, onLoadMore, onMarkRead, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 112,
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

  // Arrow keys: the next row may not be rendered yet, so scroll it in first, then focus it.
  const step = useCallback(
    (position: number, delta: number) => {
      const index = position - 1 + delta;
      if (index < 0 || index >= entries.length) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      let tries = 0;
      const focus = () => {
        const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] article`);
        if (row) row.focus();
        else if (tries++ < 10) requestAnimationFrame(focus);
      };
      requestAnimationFrame(focus);
    },
    [entries.length, virtualizer],
  );

  return (
    <div className="history-scroll" ref={scrollRef}>
      <div
        className="history-canvas"
        role="feed"
        aria-busy={false}
        aria-label="History entries"
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
                sourceName={names.sources[entry.event.sourceId] ?? entry.event.sourceId}
                ruleName={entry.decision.ruleId ? names.rules[entry.decision.ruleId] : undefined}
                position={item.index + 1}
                setSize={entries.length}
                selected={entry.seq === selectedSeq}
                onOpen={onOpen}
                onMarkRead={onMarkRead}
                onStep={step}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
