import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportSettings, importSettings, SETTINGS_FORMAT } from '../../../app/core/settings/export';
import type { SettingsDeps } from '../../../app/core/settings/parse-settings';
import { parseSettings } from '../../../app/core/settings/parse-settings';
import type { Secrets, Settings } from '../../../app/shared/settings';

const deps: SettingsDeps = {
  adapterFor: (kind) =>
    kind === 'fake'
      ? { optionsSchema: z.object({ port: z.number().optional() }), secretFields: ['token'] }
      : undefined,
  knownKinds: () => ['fake'],
  checkRules: () => [],
};

function sample(): { settings: Settings; secrets: Secrets } {
  const result = parseSettings(
    {
      version: 1,
      sources: [
        { id: 'nas', kind: 'fake', name: 'NAS', url: 'ws://nas', options: { port: 81 } },
        { id: 'tv', kind: 'fake', name: 'TV', url: 'ws://tv', enabled: false },
      ],
      rules: [
        {
          id: 'hot',
          name: 'Hot CPU',
          types: ['unraid.*'],
          conditions: [{ field: 'data.cpu', op: 'gt', value: 90 }],
          for: '2m',
          action: { type: 'notify', title: '{{entity.name}} is hot' },
        },
      ],
      quietHours: { enabled: true, start: '23:00', end: '06:00' },
      policy: { maxPerMinute: 5 },
      history: { maxEntries: 1000, maxAgeDays: 7 },
      app: { theme: 'dark' },
      disabledPresets: ['preset:fake:x'],
    },
    deps,
  );
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return {
    settings: result.settings,
    secrets: { nas: { token: 's3cret-token' }, removed: { token: 'stale-token' } },
  };
}

describe('exportSettings', () => {
  it('writes the documented format without secrets unless asked', () => {
    const { settings, secrets } = sample();
    const text = exportSettings(settings, secrets, { includeSecrets: false });
    expect(text).not.toContain('s3cret');
    expect(text.endsWith('\n')).toBe(true);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file).slice(0, 2)).toEqual(['format', 'version']);
    expect(file.format).toBe(SETTINGS_FORMAT);
    expect(file.version).toBe(1);
    expect(file).not.toHaveProperty('secrets');
    expect(file.sources).toEqual(settings.sources);
    expect(file.rules).toEqual(settings.rules);
  });

  it('adds a secrets section for the listed sources only when asked', () => {
    const { settings, secrets } = sample();
    const file = JSON.parse(exportSettings(settings, secrets, { includeSecrets: true })) as Record<
      string,
      unknown
    >;
    expect(file.secrets).toEqual({ nas: { token: 's3cret-token' } });
  });
});

describe('importSettings', () => {
  it('round-trips settings and secrets through an export', () => {
    const { settings, secrets } = sample();
    const withSecrets = importSettings(exportSettings(settings, secrets, { includeSecrets: true }), deps);
    expect(withSecrets).toEqual({ ok: true, settings, secrets: { nas: { token: 's3cret-token' } } });
    const without = importSettings(exportSettings(settings, secrets, { includeSecrets: false }), deps);
    expect(without).toEqual({ ok: true, settings, secrets: {} });
  });

  it('accepts a plain settings object without the format tag, and a byte-order mark', () => {
    expect(importSettings('\uFEFF{"version":1}', deps)).toMatchObject({ ok: true });
    expect(
      importSettings('{"sources":[{"id":"a","type":"fake","name":"A","url":"ws://a"}]}', deps),
    ).toMatchObject({
      ok: true,
      migratedFrom: 0,
    });
  });

  it('refuses JSON of another format', () => {
    expect(importSettings('{"format":"other-app","version":1}', deps)).toEqual({
      ok: false,
      errors: ['format: expected "herald-settings" (this is not a Herald settings file)'],
    });
  });

  it('explains malformed JSON with line, column and position', () => {
    const cases: [string, string][] = [
      [
        '{\n  "version": 1,\n}',
        'not valid JSON: expected a property name in double quotes at line 3, column 1 (position 18)',
      ],
      ['{"version" 1}', "not valid JSON: expected ':' at line 1, column 12 (position 11)"],
      ['{"version": tru}', 'not valid JSON: unexpected character at line 1, column 13 (position 12)'],
      ['{"version": 1', 'not valid JSON: unexpected end of file at line 1, column 14 (position 13)'],
      [
        '{"a": 1} {"b": 2}',
        'not valid JSON: unexpected text after the end at line 1, column 10 (position 9)',
      ],
      ['// hi\n{}', 'not valid JSON: comments are not allowed in JSON at line 1, column 1 (position 0)'],
      ['   ', 'the file is empty'],
    ];
    for (const [text, message] of cases)
      expect(importSettings(text, deps)).toEqual({ ok: false, errors: [message] });
  });

  it('does not quote the file in a JSON error (it may hold secrets)', () => {
    const result = importSettings('{"secrets": {"nas": {"token": "hunter2"}} oops', deps);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('reports schema problems of an imported file like parseSettings', () => {
    expect(
      importSettings(
        '{"format":"herald-settings","version":1,"sources":[{"id":"a","kind":"fake","name":"A"}]}',
        deps,
      ),
    ).toEqual({
      ok: false,
      errors: ['sources[0].url: required'],
    });
  });
});
