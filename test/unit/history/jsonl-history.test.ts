import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempPathFor } from '../../../app/core/history/atomic-file';
import type { JsonlHistoryStore, OpenHistoryOptions } from '../../../app/core/history/jsonl-history';
import { openHistory } from '../../../app/core/history/jsonl-history';
import { BIG_RETENTION, fileLines, makeDecision, makeEvent, tempDir } from './fixtures';

const DAY = 86_400_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function setup(): {
  file: string;
  dir: string;
  open: (o?: Partial<OpenHistoryOptions>) => JsonlHistoryStore;
} {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const open = (o: Partial<OpenHistoryOptions> = {}): JsonlHistoryStore => {
    const store = openHistory({ file: tmp.file, retention: BIG_RETENTION, ...o });
    cleanups.push(() => store.close());
    return store;
  };
  return { file: tmp.file, dir: tmp.dir, open };
}

function fill(store: JsonlHistoryStore, from: number, to: number): void {
  for (let n = from; n <= to; n++) store.append(makeEvent(n), makeDecision(n));
}

describe('jsonl history file', () => {
  it('creates the file and its directory, one JSON line per entry', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const file = `${tmp.dir}/nested/deeper/history.jsonl`;
    const store = openHistory({ file, retention: BIG_RETENTION });
    fill(store, 1, 3);
    await store.close();
    const lines = fileLines(file);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ seq: 1, event: { id: 'ev-1' }, decision: { action: 'record' } });
  });

  it('reopens with every entry, decision and read state intact', async () => {
    const { open } = setup();
    const first = open({ now: () => 5000 });
    fill(first, 1, 20);
    first.markRead([3, 5]);
    first.markRead([7]);
    const before = first.query({ limit: 1000 });
    await first.close();

    const second = open({ now: () => 6000 });
    expect(second.query({ limit: 1000 })).toEqual(before);
    expect(second.unreadCount()).toBe(17);
    expect(second.corruptLines).toBe(0);
    second.markRead('all');
    fill(second, 21, 22);
    await second.close();

    const third = open({ now: () => 7000 });
    expect(third.unreadCount()).toBe(2);
    expect(third.query({ unreadOnly: true }).entries.map((e) => e.seq)).toEqual([22, 21]);
    expect(third.append(makeEvent(23), makeDecision(23)).seq).toBe(23);
  });

  it('appends read markers instead of rewriting the file', async () => {
    const { open, file } = setup();
    const store = open();
    fill(store, 1, 5);
    store.markRead([2, 3]);
    store.markRead([2]); // already read: nothing to write
    store.markRead('all');
    store.markRead('all'); // nothing unread: nothing to write
    await store.close();
    expect(fileLines(file).slice(5)).toEqual([{ r: [2, 3] }, { r: 'all', upTo: 5 }]);
  });

  it('skips a truncated last line, counts it, keeps the rest, and appends on a fresh line', async () => {
    const { open, file } = setup();
    const first = open();
    fill(first, 1, 5);
    await first.close();
    const whole = JSON.stringify({ seq: 6, at: 1, event: makeEvent(6), decision: makeDecision(6) });
    fs.appendFileSync(file, whole.slice(0, Math.floor(whole.length / 2)));

    const second = open();
    expect(second.corruptLines).toBe(1);
    expect(second.stats().corruptLines).toBe(1);
    expect(second.query({}).entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(second.append(makeEvent(6), makeDecision(6)).seq).toBe(6);
    await second.close();
    // Every line parses: the half line did not swallow the new entry.
    const lines = fileLines(file);
    expect(lines.filter((l) => (l as { seq?: number }).seq !== undefined)).toHaveLength(6);

    const third = open();
    expect(third.corruptLines).toBe(0);
    expect(third.query({}).total).toBe(6);
  });

  it('skips garbage and damaged lines in the middle and keeps everything around them', async () => {
    const { open, file } = setup();
    const first = open();
    fill(first, 1, 3);
    await first.close();
    fs.appendFileSync(file, 'garbage that is not json\n');
    fs.appendFileSync(
      file,
      '{"seq":4,"at":1,"event":{"id":"x"},"decision":{"action":"notify","reason":"r"}}\n',
    );
    fs.appendFileSync(file, '\u0000\u0000\u0000\n[1,2,3]\n{"r":["x"]}\n');
    const second = open();
    fill(second, 4, 6);
    await second.close();
    // Entries appended after the damage survive too.
    fs.appendFileSync(file, '{"seq":');
    const third = open();
    expect(third.corruptLines).toBe(1);
    expect(third.query({}).entries.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(second.corruptLines).toBe(5);
  });

  it('reads lines that span the reader’s 1 MiB chunks', async () => {
    const { open } = setup();
    const first = open();
    for (let n = 1; n <= 12; n++)
      first.append(makeEvent(n, { raw: { blob: 'z'.repeat(300_000 + n) } }), makeDecision(n));
    await first.close();
    const second = open();
    expect(second.corruptLines).toBe(0);
    const entries = second.query({}).entries;
    expect(entries).toHaveLength(12);
    expect(entries.map((e) => (e.event.raw as { blob: string }).blob.length)).toEqual(
      Array.from({ length: 12 }, (_, i) => 300_012 - i),
    );
  });

  it('skips a line far too long to be an entry without assembling it', async () => {
    const { open, file } = setup();
    const first = open();
    fill(first, 1, 2);
    await first.close();
    fs.appendFileSync(file, 'x'.repeat(17 * 1024 * 1024) + '\n');
    const third = open();
    fill(third, 3, 3);
    await third.close();
    fs.appendFileSync(file, 'y'.repeat(17 * 1024 * 1024));
    const reopened = open();
    expect(reopened.corruptLines).toBe(1);
    expect(third.corruptLines).toBe(1);
    expect(reopened.query({}).entries.map((e) => e.seq)).toEqual([3, 2, 1]);
  });

  it('survives a failed write: keeps the entry in memory, and the next line does not glue onto the half one', async () => {
    const { open } = setup();
    const store = open();
    fill(store, 1, 1);
    const realWrite = fs.writeSync;
    const halfThenFail = (fd: number, data: Buffer): number => {
      realWrite(fd, data, 0, Math.floor(data.length / 2));
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    };
    const spy = vi
      .spyOn(fs, 'writeSync')
      .mockImplementationOnce(halfThenFail as unknown as typeof fs.writeSync);
    expect(store.append(makeEvent(2), makeDecision(2)).seq).toBe(2);
    spy.mockRestore();
    expect(store.stats()).toMatchObject({ writeErrors: 1, lastError: 'EIO: i/o error, write' });
    expect(store.query({}).total).toBe(2);
    fill(store, 3, 3);
    await store.close();
    const reopened = open();
    expect(reopened.corruptLines).toBe(1);
    expect(reopened.query({}).entries.map((e) => e.seq)).toEqual([3, 1]);
  });

  it('refuses entries whose seq goes backwards (a duplicated line) without losing others', async () => {
    const { open, file } = setup();
    const first = open();
    fill(first, 1, 3);
    await first.close();
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    fs.writeFileSync(file, [lines[0], lines[1], lines[1], lines[2], ''].join('\n'));
    const second = open();
    expect(second.corruptLines).toBe(1);
    expect(second.query({}).entries.map((e) => e.seq)).toEqual([3, 2, 1]);
  });

  it('stores events whose raw payload cannot be serialised, with a stub instead', async () => {
    const { open } = setup();
    const store = open();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const entry = store.append(makeEvent(1, { raw: cyclic }), makeDecision(1));
    expect(entry.event.raw).toMatchObject({ omitted: expect.any(String) });
    store.append(makeEvent(2, { raw: 'x'.repeat(2 * 1024 * 1024) }), makeDecision(2));
    store.append(makeEvent(3, { data: { big: BigInt(5) } }), makeDecision(3));
    await store.close();
    const reopened = open();
    const entries = reopened.query({}).entries;
    expect(entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(entries[1]!.event.raw).toMatchObject({ omitted: expect.any(String) });
    expect(entries[0]!.event.data).toBeUndefined();
    expect(entries[0]!.event.title).toBe('Title 3');
  });

  it('stores sample events the caller appends (what to keep is the engine’s call)', async () => {
    const { open } = setup();
    const store = open();
    store.append(makeEvent(1, { sample: true, data: { cpuPercent: 97 } }), makeDecision(0));
    await store.close();
    expect(open().query({}).entries[0]!.event).toMatchObject({ sample: true, data: { cpuPercent: 97 } });
  });

  it('throws on use after close', async () => {
    const { open } = setup();
    const store = open();
    await store.close();
    await store.close();
    expect(() => store.append(makeEvent(1), makeDecision(1))).toThrow(/closed/);
  });

  it('clear survives a reopen and seq keeps increasing', async () => {
    const { open, file } = setup();
    const first = open();
    fill(first, 1, 10);
    first.clear();
    await first.close();
    expect(fileLines(file)).toEqual([{ herald: 'history', v: 1, lastSeq: 10 }]);
    const second = open();
    expect(second.query({}).total).toBe(0);
    expect(second.append(makeEvent(11), makeDecision(11)).seq).toBe(11);
  });

  it('removes a temp file left by a compaction that was interrupted', async () => {
    const { open, file } = setup();
    const first = open();
    fill(first, 1, 3);
    await first.close();
    fs.writeFileSync(tempPathFor(file), '{"half a compac');
    const second = open();
    expect(fs.existsSync(tempPathFor(file))).toBe(false);
    expect(second.query({}).total).toBe(3);
  });
});

describe('retention', () => {
  it('keeps at most maxEntries, compacting amortised while appending and at open', async () => {
    const { open, file } = setup();
    const retention = { maxEntries: 100, maxAgeDays: 3650 };
    const store = open({ retention });
    fill(store, 1, 250);
    expect(store.query({}).total).toBe(100);
    expect(store.query({ limit: 1000 }).entries.at(-1)!.seq).toBe(151);
    // 150 dead lines are under the slack (1024): no rewrite yet.
    expect(store.stats().compactions).toBe(0);
    fill(store, 251, 1300);
    expect(store.stats().compactions).toBe(1);
    expect(store.stats().fileLines).toBeLessThanOrEqual(100 + 1024 + 1);
    await store.close();

    const reopened = open({ retention });
    // Dead lines found at open: rewritten to header + live entries.
    expect(reopened.stats().compactions).toBe(1);
    expect(fileLines(file)).toHaveLength(101);
    expect(reopened.query({ limit: 1000 }).entries.map((e) => e.seq)).toEqual(
      Array.from({ length: 100 }, (_, i) => 1300 - i),
    );
  });

  it('drops entries older than maxAgeDays on append and on open', async () => {
    const { open } = setup();
    let now = 100 * DAY;
    const retention = { maxEntries: 1000, maxAgeDays: 1 };
    const store = open({ retention, now: () => now });
    store.append(makeEvent(1), makeDecision(1));
    now += 0.5 * DAY;
    store.append(makeEvent(2), makeDecision(2));
    now += 0.75 * DAY; // entry 1 is now 1.25 days old
    store.append(makeEvent(3), makeDecision(3));
    expect(store.query({}).entries.map((e) => e.seq)).toEqual([3, 2]);
    expect(store.unreadCount()).toBe(2);
    await store.close();

    now += 0.9 * DAY; // entry 2 is 1.65 days old, entry 3 0.9 days
    const reopened = open({ retention, now: () => now });
    expect(reopened.query({}).entries.map((e) => e.seq)).toEqual([3]);
    await reopened.close();
    now += 5 * DAY;
    const empty = open({ retention, now: () => now });
    expect(empty.query({}).total).toBe(0);
    expect(empty.append(makeEvent(4), makeDecision(4)).seq).toBe(4);
  });

  it('applies a new retention at once and persists the trim', async () => {
    const { open, file } = setup();
    const store = open();
    fill(store, 1, 300);
    store.markRead([299]);
    store.setRetention({ maxEntries: 120, maxAgeDays: 30 });
    expect(store.query({}).total).toBe(120);
    expect(store.unreadCount()).toBe(119);
    expect(fileLines(file)).toHaveLength(121);
    await store.close();
    const reopened = open({ retention: { maxEntries: 120, maxAgeDays: 30 } });
    expect(reopened.unreadCount()).toBe(119);
    expect(reopened.query({}).entries[1]!.read).toBe(true);
  });

  it('compacts read markers away once they pile up', () => {
    const { open, file } = setup();
    const store = open({ retention: { maxEntries: 100, maxAgeDays: 30 } });
    fill(store, 1, 100);
    for (let i = 0; i < 1100; i++) store.markRead([(i % 100) + 1]);
    for (let n = 101; n <= 1100; n++) {
      store.append(makeEvent(n), makeDecision(n));
      store.markRead([n]);
    }
    expect(store.stats().compactions).toBeGreaterThan(0);
    expect(fileLines(file).length).toBeLessThanOrEqual(100 + 1024 + 1);
    expect(store.unreadCount()).toBe(0);
  });
});
