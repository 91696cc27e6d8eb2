import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { migrate } from '../../../app/core/settings/migrations';
import type { SettingsDeps } from '../../../app/core/settings/parse-settings';
import { defaultSettingsDeps, parseSettings } from '../../../app/core/settings/parse-settings';
import { defaultSettings, SETTINGS_VERSION } from '../../../app/shared/settings';

const fakeAdapter = {
  optionsSchema: z.object({ port: z.number().int().optional(), mode: z.enum(['a', 'b']).default('a') }),
  secretFields: ['password', 'token'],
};
const deps: SettingsDeps = {
  adapterFor: (kind) => (kind === 'fake' ? fakeAdapter : undefined),
  knownKinds: () => ['fake'],
  checkRules: () => [],
};

const source = (over: Record<string, unknown> = {}) => ({
  id: 'nas',
  kind: 'fake',
  name: 'NAS',
  url: 'ws://nas.local',
  ...over,
});
const rule = (over: Record<string, unknown> = {}) => ({
  id: 'r1',
  name: 'R',
  action: { type: 'notify' },
  ...over,
});

function errorsOf(raw: unknown, d: SettingsDeps = deps): string[] {
  const result = parseSettings(raw, d);
  if (result.ok) throw new Error('expected the settings to be rejected');
  return result.errors;
}

describe('parseSettings', () => {
  it('fills every default for a minimal file', () => {
    const result = parseSettings({ version: SETTINGS_VERSION }, deps);
    expect(result).toEqual({ ok: true, settings: defaultSettings(), secrets: {} });
    if (!result.ok) return;
    expect(result.settings.history).toEqual({ maxEntries: 50_000, maxAgeDays: 30 });
    expect(result.settings.quietHours).toMatchObject({ enabled: false, start: '22:00', end: '07:00' });
    expect(result.settings.policy.dedupWindow).toBe(60_000);
  });

  it('accepts a full file and turns duration strings into milliseconds', () => {
    const result = parseSettings(
      {
        version: 1,
        sources: [source({ options: { port: 8080 } })],
        rules: [
          rule({ cooldown: '5m', for: '90s', conditions: [{ field: 'data.cpu', op: 'gt', value: 90 }] }),
        ],
        policy: { dedupWindow: '2h', coalesce: { window: '250ms' } },
      },
      deps,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.sources[0]).toMatchObject({
      enabled: true,
      presets: true,
      options: { port: 8080 },
    });
    expect(result.settings.rules[0]).toMatchObject({ cooldown: 300_000, for: 90_000, enabled: true });
    expect(result.settings.policy).toMatchObject({
      dedupWindow: 7_200_000,
      coalesce: { window: 250, threshold: 3 },
    });
  });

  it('rejects what is not an object', () => {
    for (const raw of [null, 3, 'x', [1]]) {
      expect(errorsOf(raw)).toEqual(['settings: expected an object ({ … }) at the top level']);
    }
  });

  it('names the bad field in plain words', () => {
    const errors = errorsOf({
      version: 1,
      sources: [source(), { id: 'b', kind: 'fake', name: '' }],
      rules: [
        rule({
          conditions: [
            { field: 'a', op: 'eq', value: 1 },
            { field: 'a', op: 'bogus' },
            { field: 'x', op: 'gt', value: 'ninety' },
          ],
          cooldown: '5 minutes',
        }),
        { id: 'r2', name: 'Two', action: { type: 'shout' } },
      ],
      quietHours: { start: '25:00', enabled: 'yes' },
      app: { theme: 'pink' },
      history: { maxEntries: 5 },
      policy: { dedupWindow: true, maxPerMinute: 1.5 },
      snoozes: { nas: 'tomorrow' },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'sources[1].name: must not be empty',
        'sources[1].url: required',
        'rules[0].conditions[1].op: expected one of: eq, ne, contains, regex, lt, lte, gt, gte, changed, exists',
        'rules[0].conditions[2].value: expected a number',
        'rules[0].cooldown: "5 minutes" is not a duration (use e.g. 30s, 5m, 2h or milliseconds)',
        'rules[1].action.type: expected one of: notify, record, drop',
        'quietHours.enabled: expected true or false',
        'quietHours.start: use HH:MM, 24-hour',
        'app.theme: expected one of: system, light, dark',
        'history.maxEntries: must be at least 100',
        'policy.dedupWindow: expected a number or text',
        'policy.maxPerMinute: expected a whole number',
        'snoozes.nas: expected a number',
      ]),
    );
  });

  it('says "required" for missing fields, also inside lists and objects', () => {
    expect(errorsOf({ version: 1, rules: [{ id: 'x', name: 'X' }] })).toEqual(['rules[0].action: required']);
    expect(errorsOf({ version: 1, sources: [{ kind: 'fake', name: 'N', url: 'u' }] })).toEqual([
      'sources[0].id: required',
    ]);
    expect(errorsOf({ version: 1, rules: [rule({ conditions: [{ field: 'f' }] })] })).toEqual([
      'rules[0].conditions[0].op: required, one of: eq, ne, contains, regex, lt, lte, gt, gte, changed, exists',
    ]);
    expect(errorsOf({ version: 1, sources: 'none' })).toEqual(['sources: expected a list']);
  });

  it('quotes odd keys so the path stays readable', () => {
    expect(errorsOf({ version: 1, snoozes: { 'my nas': 'x' } })).toEqual([
      'snoozes["my nas"]: expected a number',
    ]);
  });

  it('rejects an unknown source kind, naming the known ones', () => {
    expect(errorsOf({ version: 1, sources: [source(), source({ id: 'p', kind: 'plex' })] })).toEqual([
      'sources[1].kind: unknown kind "plex" (known: fake)',
    ]);
    // With the real registry the list is the registered kinds.
    const real = errorsOf({ version: 1, sources: [source({ kind: 'plex' })] }, defaultSettingsDeps);
    expect(real).toHaveLength(1);
    expect(real[0]).toMatch(/^sources\[0\]\.kind: unknown kind "plex" \(known: .*tvheadend.*\)$/);
  });

  it("validates each source's options with its adapter", () => {
    expect(errorsOf({ version: 1, sources: [source({ options: { port: 'eighty', mode: 'c' } })] })).toEqual([
      'sources[0].options.port: expected a number',
      'sources[0].options.mode: expected one of: a, b',
    ]);
    expect(errorsOf({ version: 1, sources: [source({ options: 'x' })] })).toEqual([
      'sources[0].options: expected an object',
    ]);
  });

  it('rejects duplicate source ids and rule ids', () => {
    const errors = errorsOf({
      version: 1,
      sources: [source(), source({ id: 'tv' }), source()],
      rules: [rule(), rule({ id: 'r2' }), rule({ id: 'r2' })],
    });
    expect(errors).toEqual([
      'sources[2].id: "nas" is already used by sources[0]',
      'rules[2].id: "r2" is already used by rules[1]',
    ]);
  });

  it('runs the rules validation (regexes, globs, templates) with the rule’s place in the file', () => {
    const errors = errorsOf(
      {
        version: 1,
        rules: [rule(), rule({ id: 'bad', conditions: [{ field: 'title', op: 'regex', value: '([' }] })],
      },
      defaultSettingsDeps,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^rules\[1\]: .*conditions\[0\]/);
  });

  it('caps a flood of problems', () => {
    const sources = Array.from({ length: 80 }, (_, i) => ({ id: `s${i}`, kind: 'fake', name: 'N' }));
    const errors = errorsOf({ version: 1, sources });
    expect(errors).toHaveLength(51);
    expect(errors[50]).toBe('… and 30 more problems');
  });
});

describe('secrets in parseSettings', () => {
  it('reads a secrets section and keeps only listed sources', () => {
    const result = parseSettings(
      { version: 1, sources: [source()], secrets: { nas: { token: 't0k' }, gone: { token: 'old' } } },
      deps,
    );
    expect(result).toMatchObject({ ok: true, secrets: { nas: { token: 't0k' } } });
    expect(result.ok && result.secrets.gone).toBeUndefined();
  });

  it('moves secret fields written into options out of the settings', () => {
    const options = { port: 1, password: 'hunter2', token: 42 };
    const raw = { version: 1, sources: [source({ options })] };
    const result = parseSettings(raw, deps);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.sources[0]!.options).toEqual({ port: 1 });
    expect(result.secrets).toEqual({ nas: { password: 'hunter2', token: '42' } });
    expect(JSON.stringify(result.settings)).not.toContain('hunter2');
    // The caller's object is left alone.
    expect(options).toHaveProperty('password', 'hunter2');
  });

  it('never puts a secret value in an error message', () => {
    const errors = errorsOf({
      version: 1,
      sources: [source({ options: { password: { nested: 'hunter2' }, port: 'hunter3' } })],
      secrets: { nas: { token: ['hunter4'] } },
    });
    expect(errors).toEqual([
      'secrets.nas.token: expected text',
      'sources[0].options.password: expected text',
      'sources[0].options.port: expected a number',
    ]);
    expect(errors.join('\n')).not.toMatch(/hunter/);
  });
});

describe('migrations', () => {
  it('upgrades the pre-release format (no version): type → kind, quiet → quietHours', () => {
    const v0 = {
      sources: [{ id: 'nas', type: 'fake', name: 'NAS', url: 'ws://nas', options: { password: 'pw' } }],
      quiet: { from: '23:30', to: '06:15', allowCritical: false },
      rules: [rule()],
    };
    const result = parseSettings(v0, deps);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    expect(result.settings.version).toBe(SETTINGS_VERSION);
    expect(result.settings.sources[0]).toMatchObject({ kind: 'fake', options: {} });
    expect(result.settings.sources[0]).not.toHaveProperty('type');
    expect(result.settings.quietHours).toEqual({
      enabled: true,
      start: '23:30',
      end: '06:15',
      allowCritical: false,
    });
    expect(result.secrets).toEqual({ nas: { password: 'pw' } });
    expect(v0.sources[0]).toHaveProperty('type', 'fake');
  });

  it('keeps an explicit quiet-hours switch and an existing kind', () => {
    const result = migrate({
      sources: [{ kind: 'a', type: 'b' }],
      quiet: { enabled: false, from: '01:00', to: '02:00' },
    });
    expect(result).toEqual({
      ok: true,
      from: 0,
      value: {
        version: 1,
        sources: [{ kind: 'a' }],
        quietHours: { enabled: false, start: '01:00', end: '02:00' },
      },
    });
  });

  it('says clearly when the file comes from a newer Herald', () => {
    const errors = errorsOf({ version: SETTINGS_VERSION + 6, sources: 'whatever' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`written by a newer Herald (version ${SETTINGS_VERSION + 6})`);
  });

  it('rejects a version that is not a whole number', () => {
    for (const version of ['1', 1.5, -1]) {
      expect(errorsOf({ version })).toEqual([
        'version: expected a whole number (the settings format version)',
      ]);
    }
  });

  it('reports a hole in the migration chain instead of skipping it', () => {
    expect(migrate({ version: 0 }, {})).toEqual({
      ok: false,
      errors: ['version: no migration from version 0 (this is a bug in Herald)'],
    });
  });
});
