import { describe, expect, it } from 'vitest';
import { DiskMonitor } from '../../../../app/core/sources/tvheadend/disk-monitor';
import { diskEvent, logEvent, subscriptionEvent } from '../../../../app/core/sources/tvheadend/events';
import { LogErrorFilter } from '../../../../app/core/sources/tvheadend/log-filter';
import {
  DEFAULT_LOG_ERROR_PATTERN,
  parseLogLine,
  subscriptionsFrom,
} from '../../../../app/core/sources/tvheadend/normalise';
import { tvheadendPresets } from '../../../../app/core/sources/tvheadend/presets';
import { failureReason } from '../../../../app/core/sources/tvheadend/reasons';
import { SubscriptionTracker } from '../../../../app/core/sources/tvheadend/subscription-tracker';
import { tvhUrls } from '../../../../app/core/sources/tvheadend/urls';
import { RuleSchema } from '../../../../app/shared/rules';
import { samples } from './fixture';

const GiB = 1024 ** 3;
const base = { sourceId: 'tvh', sourceKind: 'tvheadend', now: 1000 };

describe('DiskMonitor', () => {
  it('reports level changes only, with a margin against flapping', () => {
    const disk = new DiskMonitor(10, 1);
    const levels = [50, 40, 9.5, 9, 10.5, 9.8, 11.2, 12, 8].map(
      (g) => disk.update(g * GiB, 100 * GiB)?.level ?? '-',
    );
    expect(levels).toEqual(['-', '-', 'low', '-', '-', '-', 'ok', '-', 'low']);
  });

  it('reports low on the first reading when already low; 0 turns it off', () => {
    expect(new DiskMonitor(10).update(2 * GiB)?.level).toBe('low');
    expect(new DiskMonitor(0).update(0)).toBeUndefined();
  });

  it('builds disk events rules can read', () => {
    const reading = new DiskMonitor(100).update(82966343680, 270553174016)!;
    const e = diskEvent(base, reading, 100, 105);
    expect(e).toMatchObject({
      type: 'tvheadend.disk.low',
      severity: 'warning',
      data: { low: true, thresholdGiB: 100 },
    });
    expect(e.data?.freeGiB).toBeCloseTo(77.27, 1);
    expect(e.body).toContain('of 251.97 GiB');
  });
});

describe('SubscriptionTracker', () => {
  it('diffs by id and leaves out internal subscriptions unless asked', () => {
    const list = subscriptionsFrom(samples.http_stream_subscription_api[0].body);
    const viewers = new SubscriptionTracker(false);
    expect(viewers.update([], true)).toEqual({ started: [], stopped: [] });
    expect(viewers.update(list, false).started.map((s) => s.id)).toEqual([6]);
    expect(viewers.update(list, false)).toEqual({ started: [], stopped: [] });
    expect(viewers.update([], false).stopped.map((s) => s.id)).toEqual([6]);
    const all = new SubscriptionTracker(true);
    expect(all.update(list, false).started.map((s) => s.id)).toEqual([6, 5]);
  });

  it('names who, which channel and which client', () => {
    const [sub] = subscriptionsFrom(samples.http_stream_subscription_api[0].body);
    expect(subscriptionEvent(base, sub!, 'start')).toMatchObject({
      type: 'tvheadend.subscription.start',
      title: 'viewer started watching Test Channel',
      body: 'HTTP with TestPlayer/1.0 from 127.0.0.1',
      data: { username: 'viewer', client: 'TestPlayer/1.0', channel: 'Test Channel' },
    });
  });
});

describe('failureReason', () => {
  it('puts errorcode and status into plain words', () => {
    expect(failureReason({ schedStatus: 'completedError', status: 'File missing', errorcode: 0 })).toBe(
      'No file was written',
    );
    expect(
      failureReason({ schedStatus: 'completedError', status: 'Too many data errors', dataErrors: 12 }),
    ).toBe('The stream had too many data errors; 12 data errors');
    expect(failureReason({ schedStatus: 'completedWarning', status: 'Time missed' })).toBe(
      'The service was disabled, so the recording was missed; the start time was missed',
    );
    expect(failureReason({ schedStatus: 'completedError', errorcode: 999 })).toBe('Error code 999');
    expect(failureReason({})).toBe('The server did not say why');
  });
});

describe('log events', () => {
  it('keeps the same id for the same line', () => {
    const txt = '2026-11-22 11:50:19.732 dvr: Recording unable to start: "X": No assigned adapters';
    const a = logEvent(base, parseLogLine(txt), txt);
    expect(a).toMatchObject({
      type: 'tvheadend.log.error',
      entity: { name: 'dvr' },
      body: 'Recording unable to start: "X": No assigned adapters',
    });
    expect(logEvent({ ...base, now: 99 }, parseLogLine(txt), txt).id).toBe(a.id);
  });
});

describe('tvhUrls', () => {
  it('maps what users paste', () => {
    expect(tvhUrls('http://tvh:9981')).toEqual({
      http: 'http://tvh:9981',
      ws: 'ws://tvh:9981/comet/ws',
      web: 'http://tvh:9981/',
    });
    expect(tvhUrls('tvh.lan:9981/').ws).toBe('ws://tvh.lan:9981/comet/ws');
    expect(tvhUrls('wss://proxy.example/tvh/comet/ws')).toMatchObject({
      http: 'https://proxy.example/tvh',
      ws: 'wss://proxy.example/tvh/comet/ws',
    });
    expect(() => tvhUrls('ftp://x')).toThrow(/not an http/);
  });
});

describe('presets', () => {
  it('are valid rules with preset ids', () => {
    for (const p of tvheadendPresets) {
      expect(p.id).toMatch(/^preset:tvheadend:[a-z-]+$/);
      expect(() => RuleSchema.parse(p)).not.toThrow();
    }
  });
});

describe('LogErrorFilter', () => {
  const filter = () => new LogErrorFilter(new RegExp(DEFAULT_LOG_ERROR_PATTERN, 'i'), 60_000);
  const line = (txt: string) => [parseLogLine(txt), txt] as const;

  it("drops the lines our own refused look-ups cause, but not other clients' ones", () => {
    const f = filter();
    expect(
      f.accept(
        ...line('2026-11-22 11:50:19.738 http: 127.0.0.1: HTTP/1.1 POST (3) /api/idnode/load -- 403'),
        '127.0.0.1',
        0,
      ),
    ).toBe(false);
    expect(
      f.accept(
        ...line('2026-11-22 11:50:19.738 http: 10.0.0.9: HTTP/1.1 POST (3) /api/idnode/load -- 403'),
        '127.0.0.1',
        0,
      ),
    ).toBe(true);
  });

  it('lets one of a burst of repeats through per window', () => {
    const f = filter();
    const a = (n: number) =>
      line(
        `2026-11-22 11:50:${10 + n}.000 subscription: 000${n}: No input source available for subscription "DVR: X"`,
      );
    expect([0, 1, 2].map((n) => f.accept(...a(n), undefined, n * 1000))).toEqual([true, false, false]);
    expect(f.accept(...a(3), undefined, 61_000)).toBe(true);
    expect(f.accept(...line('2026-11-22 11:50:19.000 xmltv: grab took 0 seconds'), undefined, 0)).toBe(false);
  });
});
