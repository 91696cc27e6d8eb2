import { useCallback, useEffect, useRef, useState } from 'react';
import { PUSH } from '../../../app/shared/api';
import type { HistoryEntry, HistoryQuery } from '../../../app/shared/history';
import type { Severity } from '../../../app/shared/home-event';
import type { DecisionAction } from '../../../app/shared/rules';
import { herald } from '../api/herald';
import { useOnReconnect } from './useConnection';

export interface HistoryFilters {
  text: string;
  sourceId: string;
  severity: Severity | '';
  action: DecisionAction | '';
  unreadOnly: boolean;
}

export const emptyFilters: HistoryFilters = {
  text: '',
  sourceId: '',
  severity: '',
  action: '',
  unreadOnly: false,
};

const PAGE = 100;

export function toQuery(filters: HistoryFilters): HistoryQuery {
  const query: HistoryQuery = { limit: PAGE };
  if (filters.text.trim()) query.text = filters.text.trim();
  if (filters.sourceId) query.sourceIds = [filters.sourceId];
  if (filters.severity) query.severities = [filters.severity];
  if (filters.action) query.actions = [filters.action];
  if (filters.unreadOnly) query.unreadOnly = true;
  return query;
}

/** One filtered, paged view of the history that follows new entries as they arrive. */
export function useHistory(filters: HistoryFilters) {
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [unread, setUnread] = useState(0);
  const [cursor, setCursor] = useState<number | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const generation = useRef(0);
  const loaded = useRef(0);
  const query = toQuery(filters);
  const queryKey = JSON.stringify(query);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    const base = JSON.parse(queryKey) as HistoryQuery;
    try {
      // Re-read as many entries as are on screen, so a live update does not snap the list back to page one.
      const page = await herald().historyQuery({
        ...base,
        limit: Math.min(1000, Math.max(PAGE, loaded.current)),
      });
      if (mine !== generation.current) return;
      loaded.current = page.entries.length;
      setEntries(page.entries);
      setTotal(page.total);
      setUnread(page.unread);
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (err) {
      if (mine === generation.current) setError((err as Error).message);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [queryKey]);

  // The list asks again on every scroll while a page is on its way: one request per cursor.
  const loadingMore = useRef<number | undefined>(undefined);
  const loadMore = useCallback(async () => {
    if (cursor === undefined || loadingMore.current === cursor) return;
    const mine = generation.current;
    loadingMore.current = cursor;
    try {
      const page = await herald().historyQuery({ ...(JSON.parse(queryKey) as HistoryQuery), before: cursor });
      if (mine !== generation.current) return;
      setEntries((list) => {
        // A refresh may have re-read part of this page meanwhile: keep each entry once.
        const last = list.at(-1)?.seq;
        const fresh = last === undefined ? page.entries : page.entries.filter((e) => e.seq < last);
        loaded.current = list.length + fresh.length;
        return [...list, ...fresh];
      });
      setCursor(page.nextCursor);
    } catch (err) {
      if (mine === generation.current) setError((err as Error).message);
    } finally {
      if (loadingMore.current === cursor) loadingMore.current = undefined;
    }
  }, [cursor, queryKey]);

  useEffect(() => {
    loaded.current = 0;
    setLoading(true);
    void refresh();
  }, [refresh]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = herald().subscribe(PUSH.historyAppended, () => {
      // Bursts arrive many per second: one re-read per burst.
      if (!timer) timer = setTimeout(() => ((timer = undefined), void refresh()), 150);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [refresh]);

  useOnReconnect(() => void refresh());

  const markRead = useCallback(
    async (seqs: number[] | 'all') => {
      const result = await herald().historyMarkRead({ seqs });
      setUnread(result.unread);
      const set = seqs === 'all' ? undefined : new Set(seqs);
      setEntries((list) => list.map((e) => (!set || set.has(e.seq) ? { ...e, read: true } : e)));
      if (filters.unreadOnly) void refresh();
    },
    [filters.unreadOnly, refresh],
  );

  return {
    entries,
    total,
    unread,
    loading,
    error,
    hasMore: cursor !== undefined,
    loadMore,
    markRead,
    refresh,
  };
}
