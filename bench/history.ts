import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openHistory } from '../app/core/history/jsonl-history';
import type { HomeEvent } from '../app/shared/home-event';
import type { Decision } from '../app/shared/rules';

export interface HistoryBenchResult {
  name: string;
  entries: number;
  /** Appending the same JSON lines with a bare appendFileSync: the floor for a crash-safe log. */
  baselineMs: number;
  appendMs: number;
  /** appendMs / baselineMs: the store's own cost per entry over the raw write. Lower is better. */
  appendRatio: number;
  /** Newest-first text query over every entry, 100 per page, relative to one baseline append pass. */
  queryMs: number;
}

const event = (i: number): HomeEvent => ({
  id: `bench:${i}`,
  sourceId: i % 3 ? 'emby' : 'nas',
  sourceKind: i % 3 ? 'emby' : 'unraid',
  type: i % 3 ? 'emby.playback.start' : 'unraid.docker.stop',
  time: 1_700_000_000_000 + i * 1000,
  entity: { id: `e${i % 50}`, name: `Container ${i % 50}` },
  severity: i % 10 ? 'info' : 'warning',
  title: `Event ${i}`,
  body: `Something happened to Container ${i % 50}`,
  raw: { n: i },
});
const decision: Decision = { action: 'record', reason: 'no rule matched' };

export function benchHistory(options: { entries?: number } = {}): HistoryBenchResult {
  const entries = options.entries ?? 5000;
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
  try {
    const baselineFile = join(dir, 'baseline.jsonl');
    let t = performance.now();
    for (let i = 0; i < entries; i++)
      appendFileSync(baselineFile, `${JSON.stringify({ event: event(i), decision })}\n`);
    const baselineMs = performance.now() - t;

    const store = openHistory({
      file: join(dir, 'history.jsonl'),
      retention: { maxEntries: entries * 2, maxAgeDays: 3650 },
    });
    t = performance.now();
    for (let i = 0; i < entries; i++) store.append(event(i), decision);
    const appendMs = performance.now() - t;

    t = performance.now();
    let cursor: number | undefined;
    do cursor = store.query({ text: 'container 7', limit: 100, before: cursor }).nextCursor;
    while (cursor !== undefined);
    const queryMs = performance.now() - t;
    void store.close();
    return {
      name: `history: append ${entries} entries, then page through a text query`,
      entries,
      baselineMs,
      appendMs,
      appendRatio: appendMs / Math.max(baselineMs, 1e-6),
      queryMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(benchHistory(), null, 2));
}
