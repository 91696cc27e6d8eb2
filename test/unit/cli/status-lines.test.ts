import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WatchLine } from '../../../app/cli/output';
import { createStatusLines } from '../../../app/cli/status-lines';
import type { SourceStatus } from '../../../app/shared/source-status';

const base: SourceStatus = {
  sourceId: 'lab',
  sourceKind: 'generic-json',
  name: 'Lab',
  state: 'open',
  badFrames: 0,
  events: 0,
};

describe('herald watch status lines', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_700_000_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = () => {
    const lines: WatchLine[] = [];
    const status = createStatusLines({ print: (l) => lines.push(l), badFrameReportMs: 10_000 });
    let current = base;
    const update = (patch: Partial<SourceStatus>) => {
      current = { ...current, ...patch };
      status.onStatus(current);
    };
    const bad = (reason: string) =>
      update({ badFrames: current.badFrames + 1, lastBadFrame: { reason, at: Date.now() } });
    return { lines, status, update, bad, badLines: () => lines.filter((l) => 'badFrames' in l) };
  };

  it('prints a status only when state, error or hint changes, not for a counter that moved', () => {
    const { lines, update } = make();
    update({ state: 'connecting' });
    update({ state: 'open' });
    update({ state: 'open', events: 5 });
    update({ state: 'open', lastError: 'the account lacks rights', hint: 'use an admin' });
    update({ state: 'open', lastError: 'the account lacks rights', hint: 'use an admin' });
    expect(lines.map((l) => (l.kind === 'status' ? [l.state, l.error ?? ''] : l.kind))).toEqual([
      ['connecting', ''],
      ['open', ''],
      ['open', 'the account lacks rights'],
    ]);
  });

  it('reports the first bad frame at once, then at most one line per interval with the count since', () => {
    const { bad, badLines, update } = make();
    update({ state: 'open' });
    bad('frame handler failed: not JSON: hello');
    expect(badLines()).toEqual([
      expect.objectContaining({
        kind: 'status',
        source: 'lab',
        state: 'open',
        badFrames: { count: 1, total: 1, reason: 'frame handler failed: not JSON: hello' },
      }),
    ]);
    for (let i = 0; i < 500; i++) bad('binary frame');
    bad('nested deeper than 256 levels');
    expect(badLines()).toHaveLength(1);
    vi.advanceTimersByTime(9_999);
    expect(badLines()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(badLines()[1]).toMatchObject({
      badFrames: { count: 501, total: 502, reason: 'nested deeper than 256 levels' },
    });
    // Quiet for a while: nothing more is printed, and the next bad frame again shows at once.
    vi.advanceTimersByTime(60_000);
    expect(badLines()).toHaveLength(2);
    bad('binary frame');
    expect(badLines()[2]).toMatchObject({ badFrames: { count: 1, total: 503, reason: 'binary frame' } });
  });

  it('a state change first reports the frames held back, and flush() at exit loses no count', () => {
    const { lines, bad, badLines, status, update } = make();
    update({ state: 'open' });
    bad('binary frame');
    bad('binary frame');
    update({ state: 'backing-off', lastError: 'connection closed' });
    const kinds = lines.map((l) => (l.kind === 'status' ? (l.badFrames ? 'bad' : l.state) : l.kind));
    expect(kinds).toEqual(['open', 'bad', 'bad', 'backing-off']);
    expect(lines[2]).toMatchObject({ state: 'open', badFrames: { count: 1, total: 2 } });
    bad('binary frame');
    expect(badLines()).toHaveLength(2);
    status.flush();
    expect(badLines()[2]).toMatchObject({ badFrames: { count: 1, total: 3 } });
    status.flush();
    expect(badLines()).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps sources apart', () => {
    const lines: WatchLine[] = [];
    const status = createStatusLines({ print: (l) => lines.push(l), badFrameReportMs: 10_000 });
    const at = Date.now();
    status.onStatus({ ...base, badFrames: 1, lastBadFrame: { reason: 'binary frame', at } });
    status.onStatus({ ...base, sourceId: 'tv', badFrames: 1, lastBadFrame: { reason: 'x', at } });
    const bad = lines.filter((l) => l.kind === 'status' && l.badFrames);
    expect(bad.map((l) => (l.kind === 'status' ? l.source : ''))).toEqual(['lab', 'tv']);
  });
});
