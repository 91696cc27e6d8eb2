import { describe, expect, it } from 'vitest';
import { previewRule } from '../../../app/core/api/rule-preview';
import { createMemoryHistory } from '../../../app/core/history/memory-history';
import type { HistoryStore } from '../../../app/core/history/types';
import type { RulePreviewRequest } from '../../../app/shared/rule-preview';
import { RulePreviewRequestSchema } from '../../../app/shared/rule-preview';
import type { SettingsInput } from '../../../app/shared/settings';
import { SettingsSchema } from '../../../app/shared/settings';
import { ev, MINUTE } from '../rules/make';

const base: SettingsInput = {
  version: 1,
  sources: [{ id: 'nas', kind: 'generic-json', name: 'NAS', url: 'ws://127.0.0.1:1/' }],
  rules: [
    { id: 'quiet-backups', name: 'Quiet backups', types: ['lab.backup.*'], action: { type: 'record' } },
  ],
};

function historyWith(
  events: { type: string; time: number; data?: Record<string, unknown>; title?: string }[],
) {
  let clock = 0;
  const history = createMemoryHistory({
    retention: { maxEntries: 1000, maxAgeDays: 3650 },
    now: () => clock,
  });
  for (const e of events) {
    clock = e.time;
    history.append(ev({ sourceId: 'nas', sourceKind: 'generic-json', ...e }), {
      action: 'record',
      reason: 'then',
    });
  }
  return history;
}

function preview(history: HistoryStore, request: RulePreviewRequest, settings: SettingsInput = base) {
  return previewRule(RulePreviewRequestSchema.parse(request), {
    settings: SettingsSchema.parse(settings),
    history,
  });
}

describe('rule preview', () => {
  const history = historyWith([
    { type: 'lab.disk.full', time: 1 * MINUTE, title: 'Disk full', data: { used: 93 } },
    { type: 'lab.backup.done', time: 2 * MINUTE, title: 'Backup done' },
    { type: 'lab.disk.full', time: 3 * MINUTE, title: 'Disk fuller', data: { used: 97 } },
    { type: 'lab.chat', time: 4 * MINUTE, title: 'Hello' },
  ]);

  it('says which events the edited rule decides and what each would become, newest first', () => {
    const result = preview(history, {
      rule: {
        name: 'Disk alerts',
        types: ['lab.disk.*'],
        conditions: [{ field: 'data.used', op: 'gt', value: 95 }],
        action: { type: 'notify', title: 'Disk {{data.used}}%' },
      },
      index: 1,
      replace: false,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scanned).toBe(4);
    expect(result.matched).toBe(1);
    expect(result.items.map((i) => [i.title, i.matched, i.action])).toEqual([
      ['Hello', false, 'record'],
      ['Disk fuller', true, 'notify'],
      ['Backup done', false, 'record'],
      ['Disk full', false, 'record'],
    ]);
    const fuller = result.items[1]!;
    expect(fuller.reason).toMatch(/rule 'Disk alerts' matched: data\.used 97 > 95/);
    expect(fuller.notification).toEqual({ title: 'Disk 97%', body: 'Event body' });
    expect(fuller.was).toBe('record');
    // The other user rule still decides its own events, with the engine's words.
    expect(result.items[2]).toMatchObject({
      ruleId: 'quiet-backups',
      reason: expect.stringContaining('record only'),
    });
  });

  it('plays cooldown out over the replay as the engine would have', () => {
    const result = preview(history, {
      rule: {
        id: 'disks',
        name: 'Disks',
        types: ['lab.disk.*'],
        cooldown: '10m',
        action: { type: 'notify' },
      },
      index: 0,
      replace: false,
    });
    if (!result.ok) throw new Error('not ok');
    const disks = result.items.filter((i) => i.matched).reverse();
    expect(disks.map((i) => i.action)).toEqual(['notify', 'record']);
    expect(disks[1]!.reason).toMatch(/cooldown: notified 2m ago/);
  });

  it('an earlier rule wins: a rule placed after a broader one matches nothing', () => {
    const result = preview(history, {
      rule: { id: 'backups-loud', name: 'Loud backups', types: ['lab.backup.*'], action: { type: 'notify' } },
      index: 1,
      replace: false,
    });
    expect(result).toMatchObject({ ok: true, matched: 0 });
    const first = preview(history, {
      rule: { id: 'backups-loud', name: 'Loud backups', types: ['lab.backup.*'], action: { type: 'notify' } },
      index: 0,
      replace: true,
    });
    // Replacing the first rule removes "Quiet backups": the edited one now decides the backup.
    expect(first).toMatchObject({ ok: true, matched: 1 });
  });

  it('answers the problems of a rule that is not valid yet instead of a preview', () => {
    const result = preview(history, {
      rule: {
        name: 'Half typed',
        conditions: [{ field: 'data.used', op: 'gt', value: 'x' }],
        action: { type: 'notify' },
      },
      index: 0,
      replace: false,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.path).toBe('conditions.0.value');
    const badRegex = preview(history, {
      rule: {
        name: 'Bad regex',
        conditions: [{ field: 'title', op: 'regex', value: '(' }],
        action: { type: 'notify' },
      },
      index: 0,
      replace: false,
    });
    expect(badRegex).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('regex') }] });
  });

  it('never records or raises anything', () => {
    const before = history.query({ limit: 1000 });
    preview(history, { rule: { name: 'All', action: { type: 'notify' } }, index: 0, replace: false });
    expect(history.query({ limit: 1000 })).toEqual(before);
  });
});
