import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../../app/core/policy/policy';
import { at, event, notify, settings, utcMinutes } from './make';

const T = at(12, 0);
const opts = { minutesOfDay: utcMinutes };

describe('policy: snooze', () => {
  it('holds back a snoozed source until the snooze expires', () => {
    const p = createPolicy(
      settings({ snoozes: { emby: T + 60_000 }, sources: [{ id: 'emby', name: 'Living room Emby' }] }),
      opts,
    );
    const held = p.apply(event(), notify(), T);
    expect(held.action).toBe('record');
    expect(held.reason).toMatch(/^snoozed: Living room Emby is snoozed until 12:01/);
    expect(p.apply(event(), notify(), T + 60_000).action).toBe('notify');
  });

  it('only affects the snoozed source', () => {
    const p = createPolicy(settings({ snoozes: { emby: T + 60_000 } }), opts);
    expect(p.apply(event({ sourceId: 'tower' }), notify(), T).action).toBe('notify');
  });

  it('holds critical notifications too', () => {
    const p = createPolicy(settings({ snoozes: { emby: T + 1 } }), opts);
    expect(p.apply(event({ severity: 'critical' }), notify('critical'), T).action).toBe('record');
  });
});

describe('policy: dedup', () => {
  it('records the same event id within the window as a duplicate', () => {
    const p = createPolicy(settings(), opts);
    const e = event();
    expect(p.apply(e, notify(), T).action).toBe('notify');
    const again = p.apply(e, notify(), T + 12_000);
    expect(again.action).toBe('record');
    expect(again.reason).toMatch(/^duplicate: this event already notified 12s ago/);
    expect(p.apply(e, notify(), T + 61_000).action).toBe('notify');
  });

  it('records the same rule and key within the window', () => {
    const p = createPolicy(settings(), opts);
    expect(p.apply(event(), notify('info', { key: 'door' }), T).action).toBe('notify');
    const dup = p.apply(event(), notify('info', { key: 'door' }), T + 5_000);
    expect(dup.action).toBe('record');
    expect(dup.reason).toMatch(/^duplicate: "door" already notified 5s ago/);
    expect(p.apply(event(), notify('info', { key: 'door', ruleId: 'other' }), T + 5_000).action).toBe(
      'notify',
    );
    expect(p.apply(event(), notify('info', { key: 'window' }), T + 5_000).action).toBe('notify');
  });

  it('falls back to the default key when the decision has none', () => {
    const p = createPolicy(settings(), opts);
    const d = notify();
    delete d.key;
    expect(p.apply(event({ entity: { id: 'x', name: 'x' } }), { ...d }, T).action).toBe('notify');
    expect(p.apply(event({ entity: { id: 'x', name: 'x' } }), { ...d }, T + 1).action).toBe('record');
    expect(p.apply(event({ entity: { id: 'y', name: 'y' } }), { ...d }, T + 2).action).toBe('notify');
  });

  it('does not remember what quiet hours held back', () => {
    const p = createPolicy(
      settings({ quietHours: { enabled: true, start: '11:00', end: '12:00', allowCritical: true } }),
      opts,
    );
    const e = event();
    expect(p.apply(e, notify(), at(11, 59)).action).toBe('record');
    expect(p.apply(e, notify(), at(12, 0)).action).toBe('notify');
  });
});

describe('policy: rate cap', () => {
  it('caps notifications per sliding minute', () => {
    const p = createPolicy(
      settings({ policy: { dedupWindow: 0, coalesce: { window: 1, threshold: 1000 }, maxPerMinute: 3 } }),
      opts,
    );
    const results = [0, 10, 20, 30, 59].map((s) => p.apply(event(), notify(), T + s * 1000).action);
    expect(results).toEqual(['notify', 'notify', 'notify', 'record', 'record']);
    const capped = p.apply(event(), notify(), T + 59_999);
    expect(capped.reason).toMatch(/^rate cap: 3 notifications in the last minute \(max 3\)/);
    // The first slot frees up exactly one minute after it was used.
    expect(p.apply(event(), notify(), T + 60_000).action).toBe('notify');
    expect(p.apply(event(), notify(), T + 60_001).action).toBe('record');
  });
});

describe('policy: coalescing', () => {
  const burst = (threshold = 3, window = 10_000) =>
    createPolicy(
      settings({
        policy: { dedupWindow: 60_000, coalesce: { window, threshold }, maxPerMinute: 1000 },
        sources: [
          { id: 'emby', name: 'Emby' },
          { id: 'tower', name: 'Unraid' },
        ],
      }),
      opts,
    );

  it('lets threshold notifications pass, then folds the rest into one summary', () => {
    const p = burst();
    const decisions = Array.from({ length: 10 }, (_, i) =>
      p.apply(event({ sourceId: i % 2 ? 'tower' : 'emby' }), notify(), T + i * 100),
    );
    expect(decisions.map((d) => d.action)).toEqual([
      'notify',
      'notify',
      'notify',
      'record',
      'record',
      'record',
      'record',
      'record',
      'record',
      'record',
    ]);
    expect(decisions[3]!.reason).toMatch(/^coalesced into summary: more than 3 notifications within 10s/);
    expect(p.nextFlushAt()).toBe(T + 300 + 10_000);
    expect(p.flush(T + 300 + 9_999)).toEqual([]);
    const [summary, ...rest] = p.flush(T + 300 + 10_000);
    expect(rest).toEqual([]);
    expect(summary!.count).toBe(7);
    expect(summary!.sourceIds).toEqual(['tower', 'emby']);
    expect(summary!.notification.title).toBe('7 more notifications');
    expect(summary!.notification.body).toMatch(/^7 more from Unraid, Emby: N/);
    expect(p.nextFlushAt()).toBeUndefined();
    expect(p.flush(T + 60_000)).toEqual([]);
  });

  it('starts afresh after the burst window closed', () => {
    const p = burst(2, 1_000);
    const acts = [0, 10, 20, 30].map((ms) => p.apply(event(), notify(), T + ms).action);
    expect(acts).toEqual(['notify', 'notify', 'record', 'record']);
    expect(p.apply(event(), notify(), T + 20 + 1_000).action).toBe('notify');
    // The closed burst is still waiting for flush, even though apply moved on.
    expect(p.nextFlushAt()).toBe(T + 20 + 1_000);
    expect(p.flush(T + 2_000).map((s) => s.count)).toEqual([2]);
  });

  it('does not coalesce when notifications are spread out', () => {
    const p = burst(2, 1_000);
    const acts = [0, 600, 1200, 1800, 2400].map((ms) => p.apply(event(), notify(), T + ms).action);
    expect(acts.every((a) => a === 'notify')).toBe(true);
    expect(p.nextFlushAt()).toBeUndefined();
  });

  it('never folds critical notifications into a summary', () => {
    const p = burst(1);
    expect(p.apply(event(), notify(), T).action).toBe('notify');
    expect(p.apply(event(), notify(), T + 1).action).toBe('record');
    expect(p.apply(event({ severity: 'critical' }), notify('critical'), T + 2).action).toBe('notify');
  });

  it('counts summaries against the rate cap', () => {
    const p = createPolicy(
      settings({ policy: { dedupWindow: 0, coalesce: { window: 1_000, threshold: 1 }, maxPerMinute: 2 } }),
      opts,
    );
    expect(p.apply(event(), notify(), T).action).toBe('notify');
    expect(p.apply(event(), notify(), T + 1).action).toBe('record');
    expect(p.flush(T + 1_001)).toHaveLength(1);
    expect(p.apply(event(), notify(), T + 2_000).reason).toMatch(/^rate cap/);
  });
});

describe('policy: order', () => {
  it('checks snooze before quiet hours, and both before dedup', () => {
    const p = createPolicy(
      settings({
        snoozes: { emby: T + 1_000 },
        quietHours: { enabled: true, start: '00:00', end: '00:00', allowCritical: false },
      }),
      opts,
    );
    const e = event();
    expect(p.apply(e, notify(), T).reason).toMatch(/^snoozed/);
    expect(p.apply(e, notify(), T + 1_000).reason).toMatch(/^quiet hours/);
  });

  it('does not let duplicates use the rate budget', () => {
    const p = createPolicy(
      settings({
        policy: { dedupWindow: 60_000, coalesce: { window: 1, threshold: 1000 }, maxPerMinute: 2 },
      }),
      opts,
    );
    const e = event();
    expect(p.apply(e, notify(), T).action).toBe('notify');
    for (let i = 1; i <= 5; i += 1) expect(p.apply(e, notify(), T + i).reason).toMatch(/^duplicate/);
    expect(p.apply(event(), notify(), T + 10).action).toBe('notify');
  });
});

describe('policy: summary content', () => {
  it('carries the highest severity, stays silent only if all were silent, and lists titles', () => {
    const p = createPolicy(
      settings({ policy: { dedupWindow: 0, coalesce: { window: 1_000, threshold: 1 }, maxPerMinute: 100 } }),
      opts,
    );
    p.apply(event(), notify(), T);
    const quiet = (severity: 'info' | 'warning', title: string, silent: boolean) =>
      notify(severity, { notification: { title, body: 'b', severity, urgency: 'normal', silent } });
    expect(p.apply(event(), quiet('info', 'A', true), T + 1).action).toBe('record');
    expect(p.apply(event(), quiet('warning', 'B', false), T + 2).action).toBe('record');
    const [summary] = p.flush(T + 1_001);
    expect(summary!.notification).toMatchObject({
      title: '2 more notifications',
      body: '2 more from emby: A, B',
      severity: 'warning',
      silent: false,
    });
  });
});

describe('policy: times in reasons', () => {
  it('a snooze names its end in the locale’s time format, as the rest of the UI does', () => {
    const until = T + 90 * 60_000;
    const p = createPolicy(settings({ snoozes: { emby: until } }), { timeZone: 'UTC' });
    const held = p.apply(event(), notify(), T);
    const expected = new Intl.DateTimeFormat(undefined, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(until);
    expect(held.reason).toContain(`is snoozed until ${expected}`);
  });
});
