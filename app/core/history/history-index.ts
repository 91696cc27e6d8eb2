import type { HistoryEntry, HistoryPage, HistoryQuery } from '../../shared/history';
import { HistoryQuerySchema } from '../../shared/history';
import { buildFilter } from './query-filter';
import type { RetentionOptions } from './types';

const DAY_MS = 86_400_000;

/**
 * The entries of a history, oldest first, with the unread count kept up to date. Both the file-backed
 * and the memory-only store query through this. Entries leave from the front only (retention), so a
 * head index keeps removal O(1) and the array is re-based now and then.
 */
export class HistoryIndex {
  private items: HistoryEntry[] = [];
  private head = 0;
  private unread = 0;
  /** Highest seq ever handed out, including entries already dropped. */
  lastSeq = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  get unreadCount(): number {
    return this.unread;
  }

  /** Entries must arrive in increasing seq order; an out-of-order one is refused (returns false). */
  add(entry: HistoryEntry): boolean {
    if (entry.seq <= this.lastSeq) return false;
    this.items.push(entry);
    this.lastSeq = entry.seq;
    if (!entry.read) this.unread++;
    return true;
  }

  markRead(seqs: Iterable<number>): number {
    let changed = 0;
    for (const seq of seqs) {
      const entry = this.find(seq);
      if (entry && !entry.read) {
        entry.read = true;
        this.unread--;
        changed++;
      }
    }
    return changed;
  }

  markAllRead(upTo: number): number {
    let changed = 0;
    for (let i = this.items.length - 1; i >= this.head && this.unread > 0; i--) {
      const entry = this.items[i]!;
      if (entry.seq <= upTo && !entry.read) {
        entry.read = true;
        this.unread--;
        changed++;
      }
    }
    return changed;
  }

  /** Drops entries beyond the count or older than the age limit; returns how many left. */
  trim(retention: RetentionOptions, now: number): number {
    const cutoff = now - retention.maxAgeDays * DAY_MS;
    let dropped = 0;
    while (
      this.size > 0 &&
      (this.size > retention.maxEntries || this.items[this.head]!.recordedAt < cutoff)
    ) {
      if (!this.items[this.head]!.read) this.unread--;
      this.head++;
      dropped++;
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return dropped;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.unread = 0;
  }

  /** Oldest first, the stored objects themselves (for compaction; do not mutate). */
  *entries(): IterableIterator<HistoryEntry> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }

  find(seq: number): HistoryEntry | undefined {
    const i = this.lowerBound(seq);
    const entry = this.items[i];
    return entry?.seq === seq ? entry : undefined;
  }

  query(input: HistoryQuery): HistoryPage {
    const query = HistoryQuerySchema.parse(input);
    const matches = buildFilter(query);
    const entries: HistoryEntry[] = [];
    let nextCursor: number | undefined;
    // Only entries below the cursor go on the page; the scan starts there when nothing filters.
    const start = query.before === undefined ? this.items.length - 1 : this.lowerBound(query.before) - 1;
    if (!matches) {
      for (let i = start; i >= this.head; i--) {
        if (entries.length === query.limit) {
          nextCursor = entries[entries.length - 1]!.seq;
          break;
        }
        entries.push({ ...this.items[i]! });
      }
      return { entries, total: this.size, unread: this.unread, ...(nextCursor ? { nextCursor } : {}) };
    }
    // `total` counts every match, on this page or not, so the whole index is scanned.
    let total = 0;
    for (let i = this.items.length - 1; i >= this.head; i--) {
      const entry = this.items[i]!;
      if (!matches(entry)) continue;
      total++;
      if (i > start) continue;
      if (entries.length < query.limit) entries.push({ ...entry });
      else nextCursor ??= entries[entries.length - 1]!.seq;
    }
    return { entries, total, unread: this.unread, ...(nextCursor ? { nextCursor } : {}) };
  }

  /** Index of the first live entry with seq >= `seq`. */
  private lowerBound(seq: number): number {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
