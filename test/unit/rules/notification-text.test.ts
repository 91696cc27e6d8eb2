import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../../app/core/policy/coalescer';
import { buildNotification, buildResolvedNotification } from '../../../app/core/rules/notification';
import { createRuleState, evaluate } from '../../../app/core/rules/evaluate';
import { embyPresets } from '../../../app/core/sources/emby/presets';
import { RuleSchema } from '../../../app/shared/rules';
import type { Notification } from '../../../app/shared/rules';
import { ev, rule } from './make';

const ESC = '\x1b';
const hostile = {
  title: `${ESC}[5;31mURGENT${ESC}[0m\u202e\r\nread me`,
  body: `Line one${ESC}]8;;http://evil.example/${ESC}\\link${ESC}]8;;${ESC}\\\r\n\u2066second\u2069 line\x07\x08`,
};

describe('notification text is cleaned where it is built', () => {
  it("the event's own title and body: escapes, controls and bidi controls gone, lines kept in the body", () => {
    const n = buildNotification(rule({ id: 'r' }), { type: 'notify' }, ev(hostile));
    expect(n.title).toBe('URGENT read me');
    expect(n.body).toBe('Line onelink\nsecond line');
  });

  it('templates over raw fields are cleaned too, and a render that is only junk falls back', () => {
    const event = ev({
      raw: { name: `${ESC}[2J${ESC}[HDoor\u202e`, junk: `${ESC}[0m\u200b` },
      title: 'Own title',
    });
    const n = buildNotification(
      rule({ id: 'r' }),
      { type: 'notify', title: '{{raw.name}} opened', body: '{{raw.junk}}' },
      event,
    );
    expect(n.title).toBe('Door opened');
    expect(n.body).toBe('Event body');
  });

  it('a resolved notification is as clean as the active one', () => {
    const r = rule({
      id: 'r',
      hysteresis: {
        on: { field: 'data.v', op: 'gt', value: 1 },
        off: { field: 'data.v', op: 'lt', value: 1 },
        resolvedBody: 'back to {{raw.v}}',
      },
    });
    const n = buildResolvedNotification(
      r,
      { type: 'notify' },
      ev({ ...hostile, raw: { v: `${ESC}[1m0\x00` } }),
    );
    expect(n.title).toBe('Resolved: URGENT read me');
    expect(n.body).toBe('back to 0');
  });

  it('ordinary Unicode in a notification is untouched', () => {
    const title = 'Aufnahme fertig: Tatort – „Schöne Grüße“ 🎬 録画 🏳️‍🌈';
    const body = 'مرحبا\nשלום\t👨‍👩‍👧';
    const n = buildNotification(rule({ id: 'r' }), { type: 'notify' }, ev({ title, body }));
    expect(n).toMatchObject({ title, body });
  });

  it('an Emby DisplayMessage through its preset reaches the notification clean', () => {
    const preset = RuleSchema.parse(embyPresets.find((p) => p.id === 'preset:emby:display-message')!);
    const event = ev({
      sourceKind: 'emby',
      type: 'emby.DisplayMessage',
      title: `${ESC}[31mMaintenance\u202e`,
      body: `Server restarts at 22:00${ESC}[0m\r\nSave your work`,
    });
    const decision = evaluate([preset], event, 0, createRuleState());
    expect(decision.notification).toMatchObject({
      title: 'Maintenance',
      body: 'Server restarts at 22:00\nSave your work',
    });
  });

  it('a burst summary built from titles and source names is clean', () => {
    const c = new Coalescer({ window: 1000, threshold: 1 }, () => `Lab${ESC}[31m\u202e`);
    const note = (title: string): Notification => ({
      title,
      body: 'b',
      severity: 'info',
      urgency: 'normal',
      silent: false,
    });
    expect(c.offer(0, 'lab', note('first'))).toBe(true);
    expect(c.offer(1, 'lab', note(`two\x07`))).toBe(false);
    expect(c.offer(2, 'lab', note('three'))).toBe(false);
    const [summary] = c.flush(5000);
    expect(summary!.notification.title).toBe('2 more notifications');
    expect(summary!.notification.body).toBe('2 more from Lab: two, three');
  });
});
