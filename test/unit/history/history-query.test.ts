import { afterEach, describe, expect, it } from 'vitest';
import { openHistory } from '../../../app/core/history/jsonl-history';
import { createMemoryHistory } from '../../../app/core/history/memory-history';
import type { HistoryStore } from '../../../app/core/history/types';
import type { HistoryQuery } from '../../../app/shared/history';
import { BIG_RETENTION, makeDecision, makeEvent, tempDir } from './fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const factories: [string, (now: () => number) => HistoryStore][] = [
  [
    'jsonl',
    (now) => {
      const tmp = tempDir();
      const store = openHistory({ file: tmp.file, retention: BIG_RETENTION, now });
      cleanups.push(tmp.cleanup, () => store.close());
      return store;
    },
  ],
  ['memory', (now) => createMemoryHistory({ retention: BIG_RETENTION, now })],
];

describe.each(factories)('%s history queries', (_name, make) => {
  /** 30 entries, recorded one second apart from t=1000s. */
  function filled(count = 30): HistoryStore {
    let t = 1_000_000;
    const store = make(() => t);
    for (let n = 1; n <= count; n++) {
      t = 1_000_000 + n * 1000;
      store.append(makeEvent(n), makeDecision(n));
    }
    return store;
  }

  function allPages(store: HistoryStore, query: HistoryQuery): number[] {
    const seqs: number[] = [];
    let before: number | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = store.query({ ...query, before });
      seqs.push(...page.entries.map((e) => e.seq));
      if (page.nextCursor === undefined) return seqs;
      before = page.nextCursor;
    }
    throw new Error('paging did not end');
  }

  it('appends with increasing seq and returns newest first', () => {
    const store = filled(5);
    const page = store.query({});
    expect(page.entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(page.total).toBe(5);
    expect(page.unread).toBe(5);
    expect(page.nextCursor).toBeUndefined();
    expect(page.entries[0]!.event.title).toBe('Title 5');
    expect(page.entries[0]!.decision).toEqual(makeDecision(5));
    expect(page.entries[0]!.recordedAt).toBe(1_005_000);
  });

  it('pages with the before cursor through every entry exactly once', () => {
    const store = filled(30);
    const first = store.query({ limit: 7 });
    expect(first.entries.map((e) => e.seq)).toEqual([30, 29, 28, 27, 26, 25, 24]);
    expect(first.nextCursor).toBe(24);
    expect(first.total).toBe(30);
    expect(allPages(store, { limit: 7 })).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
    // A page that ends exactly at the oldest entry has no cursor.
    expect(store.query({ limit: 10, before: 11 }).nextCursor).toBeUndefined();
  });

  it('filters by text, words in any order, case-insensitive, over title/body/entity/type', () => {
    const store = filled(30);
    expect(store.query({ text: 'title 7' }).entries.map((e) => e.seq)).toEqual([27, 17, 7]);
    expect(store.query({ text: 'ENTITY 12' }).entries.map((e) => e.seq)).toEqual([12]);
    expect(store.query({ text: 'dvr 21 body' }).entries.map((e) => e.seq)).toEqual([21]);
    expect(store.query({ text: 'nothing-like-this' }).total).toBe(0);
  });

  it('filters by source, type glob, severity, action and time range', () => {
    const store = filled(30);
    const seqs = (q: HistoryQuery) => allPages(store, { ...q, limit: 4 });
    expect(seqs({ sourceIds: ['nas'] })).toEqual([30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2]);
    expect(seqs({ types: ['tvheadend.*'] }).every((s) => s % 2 === 1)).toBe(true);
    expect(seqs({ types: ['unraid.docker.*', 'tvheadend.dvr.failed'] })).toHaveLength(30);
    expect(seqs({ types: ['emby.*'] })).toEqual([]);
    expect(seqs({ severities: ['critical'] })).toEqual([29, 26, 23, 20, 17, 14, 11, 8, 5, 2]);
    expect(seqs({ actions: ['notify'] })).toEqual([30, 27, 24, 21, 18, 15, 12, 9, 6, 3]);
    expect(seqs({ from: 1_010_000, to: 1_012_000 })).toEqual([12, 11, 10]);
    // nas = even, critical = n % 3 == 2, record = n % 3 == 1: never both.
    expect(seqs({ sourceIds: ['nas'], severities: ['critical'], actions: ['record'] })).toEqual([]);
    expect(seqs({ sourceIds: ['nas'], severities: ['critical'], actions: ['drop', 'record'] })).toEqual([
      26, 20, 14, 8, 2,
    ]);
    // An empty list means "any".
    expect(store.query({ sourceIds: [], types: [] }).total).toBe(30);
  });

  it('reports total over all pages and a cursor for filtered paging', () => {
    const store = filled(30);
    const page = store.query({ sourceIds: ['tv'], limit: 4 });
    expect(page.total).toBe(15);
    expect(page.entries.map((e) => e.seq)).toEqual([29, 27, 25, 23]);
    expect(page.nextCursor).toBe(23);
    const next = store.query({ sourceIds: ['tv'], limit: 4, before: 23 });
    expect(next.entries.map((e) => e.seq)).toEqual([21, 19, 17, 15]);
    expect(next.total).toBe(15);
  });

  it('tracks read state, unread counts and the unread filter', () => {
    const store = filled(10);
    expect(store.unreadCount()).toBe(10);
    store.markRead([2, 4, 4, 999]);
    expect(store.unreadCount()).toBe(8);
    const page = store.query({ unreadOnly: true });
    expect(page.total).toBe(8);
    expect(page.unread).toBe(8);
    expect(page.entries.map((e) => e.seq)).not.toContain(4);
    expect(store.query({}).entries.find((e) => e.seq === 2)!.read).toBe(true);
    store.markRead('all');
    expect(store.unreadCount()).toBe(0);
    store.append(makeEvent(11), makeDecision(11));
    expect(store.unreadCount()).toBe(1);
  });

  it('hands out copies: mutating a returned entry does not change the store', () => {
    const store = filled(3);
    const entry = store.query({}).entries[0]!;
    entry.read = true;
    expect(store.unreadCount()).toBe(3);
    expect(store.query({}).entries[0]!.read).toBe(false);
  });

  it('rejects an invalid query with an error instead of returning garbage', () => {
    const store = filled(3);
    expect(() => store.query({ limit: 0 })).toThrow();
  });

  it('clears everything but keeps seq increasing', () => {
    const store = filled(5);
    store.clear();
    expect(store.query({}).total).toBe(0);
    expect(store.unreadCount()).toBe(0);
    expect(store.append(makeEvent(6), makeDecision(6)).seq).toBe(6);
  });
});
