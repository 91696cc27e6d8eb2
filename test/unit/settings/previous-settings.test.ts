import { describe, expect, it } from 'vitest';
import {
  createPreviousSettings,
  importSettingsDocument,
  parseSettingsDocument,
  secretsForRestore,
} from '../../../app/core/settings';
import type { Secrets, Settings } from '../../../app/shared/settings';
import { defaultSettings } from '../../../app/shared/settings';
import { memoryPreviousSettings } from '../../helpers/memory-previous-settings';

const withQuietHours = (settings: Settings): Settings => ({
  ...settings,
  quietHours: { ...settings.quietHours, enabled: !settings.quietHours.enabled },
});

describe('the previous settings generation', () => {
  it('is kept when a save changes the settings, not when only snoozes change', () => {
    const { medium, writes } = memoryPreviousSettings();
    const previous = createPreviousSettings(medium);
    const current = { settings: defaultSettings(), secrets: {} };
    previous.keep(current, { ...current.settings, snoozes: { lab: 123 } });
    previous.keep(current, structuredClone(current.settings));
    expect(writes()).toBe(0);
    previous.keep(current, withQuietHours(current.settings));
    expect(writes()).toBe(1);
    expect(previous.load()).toEqual({ ok: true, settings: current.settings, secrets: {} });
  });

  it('reports a kept generation that no longer reads, instead of restoring defaults', () => {
    const broken = createPreviousSettings({
      read: () => ({ settings: { version: 1, quietHours: { start: '25:99' } }, secrets: {} }),
      write: () => {},
    });
    const result = broken.load();
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.errors[0]).toMatch(/previous settings are not valid/);
    const unreadable = createPreviousSettings({
      read: () => {
        throw new SyntaxError('Unexpected end of JSON input');
      },
      write: () => {},
    });
    expect(unreadable.load()).toEqual({
      ok: false,
      errors: ['the previous settings could not be read: Unexpected end of JSON input'],
    });
    expect(createPreviousSettings(memoryPreviousSettings().medium).load()).toBeUndefined();
  });

  it('restores with the current value of a secret, the kept one only where it is gone', () => {
    const kept: Secrets = { lab: { authorization: 'old' }, gone: { password: 'pw' } };
    const current: Secrets = { lab: { authorization: 'new' } };
    expect(secretsForRestore(kept, current)).toEqual({
      lab: { authorization: 'new' },
      gone: { password: 'pw' },
    });
    // Ids that name Object.prototype members are plain keys here.
    expect(secretsForRestore({ constructor: { apiKey: 'k' } }, {})).toEqual({ constructor: { apiKey: 'k' } });
  });
});

describe('settings documents from the UI', () => {
  it('a save must be complete; an import may leave sections out but not misspell them', () => {
    const whole = defaultSettings();
    expect(parseSettingsDocument(whole)).toMatchObject({ ok: true });
    const { app: _app, ...partial } = whole;
    expect(parseSettingsDocument(partial)).toEqual({
      ok: false,
      errors: [expect.stringContaining('missing section "app"')],
    });
    expect(importSettingsDocument(JSON.stringify({ version: 1 }))).toMatchObject({ ok: true });
    const typo = importSettingsDocument(JSON.stringify({ version: 1, sorces: [], rulez: [] }));
    expect(typo).toEqual({
      ok: false,
      errors: [expect.stringContaining('unknown top-level keys "sorces", "rulez"')],
    });
    expect(importSettingsDocument('{"name":"some-package","version":"1.0.0"}')).toMatchObject({ ok: false });
    expect(importSettingsDocument('{"dependencies":{}}')).toEqual({
      ok: false,
      errors: [
        expect.stringContaining('unknown top-level key "dependencies"'),
        expect.stringContaining('not a settings document'),
      ],
    });
  });
});
