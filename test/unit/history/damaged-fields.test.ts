import fs from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistory } from '../../../app/core/history/jsonl-history';
import { HistoryRow } from '../../../renderer/src/history/HistoryRow';
import { BIG_RETENTION, makeDecision, makeEvent, tempDir } from './fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('history lines that parse but carry fields of the wrong type', () => {
  it('are skipped as damaged, so the history view never gets an entry it cannot show', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const line = (seq: number, over: { event?: object; decision?: object } = {}) =>
      JSON.stringify({
        seq,
        at: 1_700_000_000_000,
        event: { ...makeEvent(seq), ...over.event },
        decision: { ...makeDecision(seq), ...over.decision },
      });
    fs.writeFileSync(
      tmp.file,
      [
        line(1),
        line(2, { decision: { ruleId: { nested: 'object' } } }),
        line(3, { event: { url: ['not', 'a', 'url'] } }),
        line(4),
        '',
      ].join('\n'),
    );
    const store = openHistory({ file: tmp.file, retention: BIG_RETENTION });
    cleanups.push(() => store.close());
    expect(store.corruptLines).toBe(2);
    const { entries } = store.query({});
    expect(entries.map((e) => e.seq)).toEqual([4, 1]);
    for (const entry of entries) {
      const html = renderToStaticMarkup(
        createElement(HistoryRow, { entry, sourceName: 'Lab', position: 1, setSize: 2, onMarkRead() {} }),
      );
      expect(html).toContain(entry.event.title);
    }
  });
});
