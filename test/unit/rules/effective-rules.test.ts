import { describe, expect, it } from 'vitest';
import { effectiveRules } from '../../../app/core/rules/effective-rules';
import type { RuleInput } from '../../../app/shared/rules';
import { SettingsSchema, type SettingsInput } from '../../../app/shared/settings';

const presets: Record<string, RuleInput[]> = {
  emby: [
    {
      id: 'preset:emby:message',
      name: 'Emby message',
      types: ['emby.DisplayMessage'],
      action: { type: 'notify' },
    },
    { id: 'preset:emby:playback', name: 'Playback', types: ['emby.Playback*'], action: { type: 'record' } },
  ],
  unraid: [{ id: 'preset:unraid:disk', name: 'Disk hot', for: '5m', action: { type: 'notify' } }],
  deconz: [{ id: 'preset:deconz:leak', name: 'Leak', action: { type: 'notify' } }],
};

function settingsWith(input: Partial<SettingsInput>) {
  return SettingsSchema.parse({ version: 1, ...input });
}

const source = (id: string, kind: string, extra: object = {}) => ({
  id,
  kind,
  name: id,
  url: 'http://x',
  ...extra,
});

describe('effectiveRules', () => {
  it('returns only user rules when no source is configured', () => {
    const s = settingsWith({ rules: [{ id: 'mine', name: 'Mine', action: { type: 'drop' } }] });
    expect(effectiveRules(s, presets).map((r) => r.id)).toEqual(['mine']);
  });

  it('puts user rules first, then presets of configured kinds scoped to their sources', () => {
    const s = settingsWith({
      sources: [source('living', 'emby'), source('tower', 'unraid'), source('bedroom', 'emby')],
      rules: [{ id: 'mine', name: 'Mine', action: { type: 'drop' } }],
    });
    const rules = effectiveRules(s, presets);
    expect(rules.map((r) => r.id)).toEqual([
      'mine',
      'preset:emby:message',
      'preset:emby:playback',
      'preset:unraid:disk',
    ]);
    expect(rules[1]!.sources).toEqual(['living', 'bedroom']);
    expect(rules[3]!.sources).toEqual(['tower']);
  });

  it('parses presets with the rule schema (defaults and durations)', () => {
    const s = settingsWith({ sources: [source('tower', 'unraid')] });
    const [disk] = effectiveRules(s, presets);
    expect(disk).toMatchObject({ enabled: true, conditions: [], for: 300_000 });
  });

  it('leaves out sources that opted out of presets, and kinds with none left', () => {
    const s = settingsWith({
      sources: [
        source('living', 'emby'),
        source('bedroom', 'emby', { presets: false }),
        source('tower', 'unraid', { presets: false }),
      ],
    });
    const rules = effectiveRules(s, presets);
    expect(rules.map((r) => r.id)).toEqual(['preset:emby:message', 'preset:emby:playback']);
    expect(rules[0]!.sources).toEqual(['living']);
  });

  it('skips presets the user disabled', () => {
    const s = settingsWith({
      sources: [source('living', 'emby')],
      disabledPresets: ['preset:emby:playback'],
    });
    expect(effectiveRules(s, presets).map((r) => r.id)).toEqual(['preset:emby:message']);
  });

  it("replaces a preset with the user's edited copy of the same id, in the user's position", () => {
    const s = settingsWith({
      sources: [source('living', 'emby')],
      rules: [
        { id: 'first', name: 'First', action: { type: 'record' } },
        { id: 'preset:emby:message', name: 'My message rule', action: { type: 'drop' } },
      ],
    });
    const rules = effectiveRules(s, presets);
    expect(rules.map((r) => r.id)).toEqual(['first', 'preset:emby:message', 'preset:emby:playback']);
    expect(rules[1]!.name).toBe('My message rule');
    expect(rules[1]!.sources).toBeUndefined();
  });

  it('ignores kinds without presets and reports presets that do not parse', () => {
    const broken: Record<string, RuleInput[]> = {
      emby: [{ id: 'preset:emby:bad', name: '', action: { type: 'notify' } }, ...presets.emby!],
    };
    const errors: string[] = [];
    const s = settingsWith({ sources: [source('living', 'emby'), source('x', 'generic-json')] });
    const rules = effectiveRules(s, broken, (id) => errors.push(id));
    expect(rules.map((r) => r.id)).toEqual(['preset:emby:message', 'preset:emby:playback']);
    expect(errors).toEqual(['preset:emby:bad']);
  });

  it('does not mutate the presets it was given', () => {
    const s = settingsWith({ sources: [source('living', 'emby')] });
    effectiveRules(s, presets);
    expect(presets.emby![0]!.sources).toBeUndefined();
  });
});
