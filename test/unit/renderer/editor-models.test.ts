import { describe, expect, it } from 'vitest';
import { RuleSchema } from '../../../app/shared/rules';
import { SettingsSchema } from '../../../app/shared/settings';
import {
  draftFromEntry,
  draftToRule,
  ruleIdFor,
  ruleToDraft,
} from '../../../renderer/src/settings/rule-draft';
import { describeChanges } from '../../../renderer/src/settings/settings-diff';

describe('rule ids from names', () => {
  it('are the name as a slug, made unique with a number', () => {
    expect(ruleIdFor('Disk alerts!', new Set())).toBe('disk-alerts');
    expect(ruleIdFor('Disk alerts', new Set(['disk-alerts']))).toBe('disk-alerts-2');
    expect(ruleIdFor('Disk alerts', new Set(['disk-alerts', 'disk-alerts-2']))).toBe('disk-alerts-3');
    expect(ruleIdFor('¡¿', new Set())).toBe('rule');
  });
});

describe('rule drafts', () => {
  it('carry every field of a rule through the editor and back', () => {
    const rule = RuleSchema.parse({
      id: 'cpu',
      name: 'CPU hot',
      enabled: false,
      sources: ['tower'],
      kinds: ['unraid'],
      types: ['unraid.system.*'],
      conditions: [
        { field: 'title', op: 'regex', value: '^CPU', flags: 'i' },
        { field: 'data.state', op: 'changed', from: 'ok', to: 'hot' },
      ],
      for: '2m',
      cooldown: '10m',
      key: '{{sourceId}}|cpu',
      hysteresis: {
        on: { field: 'data.cpuPercent', op: 'gt', value: 90 },
        off: { field: 'data.cpuPercent', op: 'lt', value: 80 },
        notifyResolved: false,
        resolvedTitle: 'Cool again',
      },
      action: { type: 'notify', title: 'Hot', urgency: 'critical', silent: true },
    });
    expect(RuleSchema.parse(draftToRule(ruleToDraft(rule), rule.id))).toEqual(rule);
  });

  it('"Make a rule like this" scopes a new rule to the entry’s type and source', () => {
    const draft = draftFromEntry({
      seq: 3,
      recordedAt: 0,
      read: true,
      decision: { action: 'record', reason: 'no rule matched' },
      event: {
        id: 'e',
        sourceId: 'nas',
        sourceKind: 'generic-json',
        type: 'lab.disk.full',
        time: 0,
        severity: 'warning',
        title: 'Disk almost full',
        body: '',
        raw: {},
      },
    });
    expect(draftToRule(draft, 'x')).toEqual({
      id: 'x',
      name: 'Disk almost full',
      enabled: true,
      types: ['lab.disk.full'],
      sources: ['nas'],
      conditions: [],
      action: { type: 'notify' },
    });
  });
});

describe('what an import would change', () => {
  const current = SettingsSchema.parse({
    version: 1,
    sources: [
      { id: 'lab', kind: 'generic-json', name: 'Lab', url: 'ws://a/' },
      { id: 'old', kind: 'generic-json', name: 'Old box', url: 'ws://b/' },
    ],
    rules: [{ id: 'r1', name: 'One', action: { type: 'notify' } }],
  });

  it('lists added, removed and changed sources and rules, sections and secrets', () => {
    const next = SettingsSchema.parse({
      version: 1,
      sources: [
        { id: 'lab', kind: 'generic-json', name: 'Lab', url: 'ws://c/' },
        { id: 'tv', kind: 'tvheadend', name: 'TV', url: 'http://tv/' },
      ],
      rules: [{ id: 'r1', name: 'One', action: { type: 'record' } }],
      disabledPresets: ['preset:tvheadend:x'],
      quietHours: { enabled: true },
    });
    expect(describeChanges(current, next, { tv: ['password'] })).toEqual([
      'Changes the source “Lab”: url',
      'Adds the source “TV”',
      'Removes the source “Old box” and its stored passwords',
      'Changes the rule “One”: action',
      'Switches off 1 preset rule',
      'Changes quiet hours: enabled',
      "Sets password for “TV” (from the file's secrets)",
    ]);
  });

  it('says nothing changes for the same settings, and notices a new order', () => {
    expect(describeChanges(current, current)).toEqual([]);
    const swapped = { ...current, sources: [...current.sources].reverse() };
    expect(describeChanges(current, swapped)).toEqual(['Puts the sources in another order']);
  });
});
