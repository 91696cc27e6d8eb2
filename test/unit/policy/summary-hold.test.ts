import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../../app/core/policy/policy';
import { at, event, notify, settings, utcMinutes } from './make';

const opts = { minutesOfDay: utcMinutes };
const coalesce = { dedupWindow: 0, coalesce: { window: 10_000, threshold: 2 }, maxPerMinute: 100 };

/** Opens a burst at `t`: two notifications pass, three are folded. */
function burst(p: ReturnType<typeof createPolicy>, t: number, sourceIds = ['emby']) {
  const acts = Array.from(
    { length: 5 },
    (_, i) => p.apply(event({ sourceId: sourceIds[i % sourceIds.length] }), notify(), t + i).action,
  );
  expect(acts).toEqual(['notify', 'notify', 'record', 'record', 'record']);
}

describe('policy: a burst summary respects snooze and quiet hours at the time it is due', () => {
  it('a source snoozed during its burst gets no summary popping up afterwards', () => {
    const T = at(12, 0);
    const base = settings({ policy: coalesce, sources: [{ id: 'emby', name: 'Emby' }] });
    const p = createPolicy(base, opts);
    burst(p, T);
    // The user snoozes the noisy source in the middle of its burst.
    p.update({ ...base, snoozes: { emby: T + 3_600_000 } });
    const [summary] = p.flush(T + 2 + 10_000);
    expect(summary!.count).toBe(3);
    expect(summary!.heldBack).toMatch(/^snoozed: Emby is snoozed until 13:00/);
  });

  it('a summary due after quiet hours began is held back; one due before is shown', () => {
    const quietHours = { enabled: true, start: '22:00', end: '07:00', allowCritical: true };
    const late = createPolicy(settings({ policy: coalesce, quietHours }), opts);
    burst(late, at(21, 59) + 55_000);
    const [held] = late.flush(at(22, 0) + 10_000);
    expect(held!.heldBack).toMatch(/^quiet hours 22:00–07:00/);

    const early = createPolicy(settings({ policy: coalesce, quietHours }), opts);
    burst(early, at(21, 58));
    const [shown] = early.flush(at(21, 58) + 10_004);
    expect(shown!.heldBack).toBeUndefined();
  });

  it('is still shown when only some of its sources are snoozed, and a held one uses no rate budget', () => {
    const T = at(12, 0);
    const base = settings({ policy: coalesce });
    const p = createPolicy(base, opts);
    burst(p, T, ['emby', 'tower']);
    p.update({ ...base, snoozes: { emby: T + 3_600_000 } });
    const [partly] = p.flush(T + 10_004);
    expect(partly!.sourceIds).toEqual(['emby', 'tower']);
    expect(partly!.heldBack).toBeUndefined();

    const q = createPolicy(settings({ policy: { ...coalesce, maxPerMinute: 3 } }), opts);
    burst(q, T);
    q.update(settings({ policy: { ...coalesce, maxPerMinute: 3 }, snoozes: { emby: T + 3_600_000 } }));
    expect(q.flush(T + 10_004)[0]!.heldBack).toMatch(/^snoozed/);
    q.update(settings({ policy: { ...coalesce, maxPerMinute: 3 } }));
    // Two shown before, the held summary not counted: one more fits in the minute.
    expect(q.apply(event({ sourceId: 'tower' }), notify(), T + 20_000).action).toBe('notify');
  });
});
