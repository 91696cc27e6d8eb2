import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../../app/core/policy/policy';
import { inQuietWindow, minutesOfDayIn, parseHhmm } from '../../../app/core/policy/quiet-hours';
import { at, event, notify, settings, utcMinutes } from './make';

const quiet = (start: string, end: string, allowCritical = true) =>
  createPolicy(settings({ quietHours: { enabled: true, start, end, allowCritical } }), {
    minutesOfDay: utcMinutes,
  });

describe('quiet hours window', () => {
  const s = parseHhmm('22:00');
  const e = parseHhmm('07:00');

  it('wraps midnight with start inclusive and end exclusive', () => {
    expect(inQuietWindow(parseHhmm('21:59'), s, e)).toBe(false);
    expect(inQuietWindow(parseHhmm('22:00'), s, e)).toBe(true);
    expect(inQuietWindow(parseHhmm('23:59'), s, e)).toBe(true);
    expect(inQuietWindow(parseHhmm('00:00'), s, e)).toBe(true);
    expect(inQuietWindow(parseHhmm('06:59'), s, e)).toBe(true);
    expect(inQuietWindow(parseHhmm('07:00'), s, e)).toBe(false);
    expect(inQuietWindow(parseHhmm('12:00'), s, e)).toBe(false);
  });

  it('handles a same-day window', () => {
    expect(inQuietWindow(parseHhmm('12:59'), 13 * 60, 15 * 60)).toBe(false);
    expect(inQuietWindow(parseHhmm('13:00'), 13 * 60, 15 * 60)).toBe(true);
    expect(inQuietWindow(parseHhmm('15:00'), 13 * 60, 15 * 60)).toBe(false);
  });

  it('treats start == end as all day', () => {
    expect(inQuietWindow(0, 600, 600)).toBe(true);
    expect(inQuietWindow(1439, 600, 600)).toBe(true);
  });

  it('computes minutes of day in a named zone', () => {
    const noonUtc = Date.UTC(2026, 0, 15, 12, 30);
    expect(minutesOfDayIn('UTC')(noonUtc)).toBe(12 * 60 + 30);
    expect(minutesOfDayIn('Asia/Kolkata')(noonUtc)).toBe(18 * 60);
  });
});

describe('policy: quiet hours', () => {
  it('holds back notifications inside the window and says why', () => {
    const p = quiet('22:00', '07:00');
    const d = p.apply(event(), notify(), at(23, 30));
    expect(d.action).toBe('record');
    expect(d.reason).toBe("quiet hours 22:00–07:00 (rule 'R' matched)");
    expect(d.notification).toBeUndefined();
    expect(d.ruleId).toBe('r');
  });

  it('lets notifications through at the end boundary and before the start', () => {
    const p = quiet('22:00', '07:00');
    expect(p.apply(event(), notify(), at(7, 0)).action).toBe('notify');
    expect(p.apply(event(), notify(), at(21, 59)).action).toBe('notify');
    expect(p.apply(event(), notify(), at(22, 0)).action).toBe('record');
    expect(p.apply(event(), notify(), at(6, 59)).action).toBe('record');
  });

  it('lets critical notifications through when allowed, noting it', () => {
    const p = quiet('22:00', '07:00');
    const d = p.apply(event({ severity: 'critical' }), notify('critical'), at(2, 0));
    expect(d.action).toBe('notify');
    expect(d.reason).toMatch(/critical, so it passed quiet hours 22:00–07:00/);
  });

  it('holds critical notifications too when allowCritical is off', () => {
    const p = quiet('22:00', '07:00', false);
    expect(p.apply(event({ severity: 'critical' }), notify('critical'), at(2, 0)).action).toBe('record');
  });

  it('does nothing when disabled', () => {
    const p = createPolicy(
      settings({ quietHours: { enabled: false, start: '00:00', end: '00:00', allowCritical: true } }),
      {
        minutesOfDay: utcMinutes,
      },
    );
    expect(p.apply(event(), notify(), at(3, 0)).action).toBe('notify');
  });

  it('is all day when start equals end', () => {
    const p = quiet('08:00', '08:00');
    expect(p.apply(event(), notify(), at(8, 0)).action).toBe('record');
    expect(p.apply(event(), notify(), at(19, 0)).action).toBe('record');
  });

  it('passes record and drop decisions through untouched', () => {
    const p = quiet('00:00', '00:00');
    const rec = { action: 'record' as const, reason: 'no rule matched' };
    expect(p.apply(event(), rec, at(1, 0))).toBe(rec);
    const drop = { action: 'drop' as const, reason: 'x' };
    expect(p.apply(event(), drop, at(1, 0))).toBe(drop);
  });

  it('follows settings updates', () => {
    const p = quiet('22:00', '07:00');
    expect(p.apply(event(), notify(), at(12, 0)).action).toBe('notify');
    p.update(settings({ quietHours: { enabled: true, start: '11:00', end: '13:00', allowCritical: true } }));
    expect(p.apply(event(), notify(), at(12, 0)).action).toBe('record');
  });
});
