import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistory } from '../../../app/core/history/jsonl-history';
import { BIG_RETENTION, makeDecision, makeEvent, tempDir } from './fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('a history file whose header seq is damaged', () => {
  for (const lastSeq of [1e300, 2.5]) {
    it(`keeps recording new entries (header lastSeq ${lastSeq})`, async () => {
      const tmp = tempDir();
      cleanups.push(tmp.cleanup);
      fs.writeFileSync(tmp.file, `${JSON.stringify({ herald: 'history', v: 1, lastSeq })}\n`);
      const store = openHistory({ file: tmp.file, retention: BIG_RETENTION });
      store.append(makeEvent(1), makeDecision(1));
      store.append(makeEvent(2), makeDecision(2));
      expect(store.query({}).total).toBe(2);
      await store.close();

      const reopened = openHistory({ file: tmp.file, retention: BIG_RETENTION });
      cleanups.push(() => reopened.close());
      const page = reopened.query({});
      expect(page.total).toBe(2);
      expect(page.entries.every((e) => Number.isSafeInteger(e.seq))).toBe(true);
    });
  }
});
