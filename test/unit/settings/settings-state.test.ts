import { describe, expect, it } from 'vitest';
import { createSettingsState } from '../../../app/core/settings/settings-state';
import type { SettingsChange } from '../../../app/core/settings/settings-state';
import type { SettingsPort, SettingsSnapshot } from '../../../app/core/settings/settings-port';
import { snoozedUntil, withSnoozes } from '../../../app/shared/snooze';
import { SettingsSchema } from '../../../app/shared/settings';

const settings = SettingsSchema.parse({
  version: 1,
  sources: [
    { id: 'a', kind: 'generic-json', name: 'A', url: 'ws://127.0.0.1:1/' },
    { id: 'b', kind: 'generic-json', name: 'B', url: 'ws://127.0.0.1:2/' },
  ],
});

function portWith(initial: SettingsSnapshot, extra: Partial<SettingsPort> = {}) {
  const saved: SettingsSnapshot[] = [];
  const port: SettingsPort = {
    load: () => initial,
    save: (s, secrets) => void saved.push({ settings: s, secrets }),
    ...extra,
  };
  return { port, saved };
}

describe('settings state', () => {
  it('keeps a change through the port first, then tells every listener once', () => {
    const { port, saved } = portWith({ settings, secrets: { a: { authorization: 'x' } } });
    const state = createSettingsState(port);
    const heard: SettingsChange[] = [];
    state.onChange((_current, change) => heard.push(change));
    const next = { ...settings, quietHours: { ...settings.quietHours, enabled: true } };
    state.update((current) => ({ ...current, settings: next }));
    expect(saved).toEqual([{ settings: next, secrets: { a: { authorization: 'x' } } }]);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.previous.settings).toBe(settings);
    expect(state.settings).toBe(next);
  });

  it('tells a change apart even when the port hands out the object it keeps and mutates', () => {
    const kept: SettingsSnapshot = { settings, secrets: {} };
    const state = createSettingsState({
      load: () => kept,
      save: (s, secrets) => Object.assign(kept, { settings: s, secrets }),
    });
    const previous: unknown[] = [];
    state.onChange((_current, change) => previous.push(change.previous.settings));
    const next = { ...settings, disabledPresets: ['preset:x:y'] };
    state.update((current) => ({ ...current, settings: next }));
    expect(previous).toEqual([settings]);
    expect(state.settings).toBe(next);
  });

  it('a change the port cannot keep throws and changes nothing', () => {
    const { port } = portWith(
      { settings, secrets: {} },
      {
        save: () => {
          throw new Error('disk full');
        },
      },
    );
    const state = createSettingsState(port);
    let heard = 0;
    state.onChange(() => (heard += 1));
    expect(() => state.update((c) => ({ ...c, settings: { ...settings, snoozes: { a: 1 } } }))).toThrow(
      'disk full',
    );
    expect(state.settings).toBe(settings);
    expect(heard).toBe(0);
  });

  it('drops the secrets of sources that are no longer configured', () => {
    const { port } = portWith({
      settings,
      secrets: { a: { authorization: 'x' }, b: { authorization: 'y' } },
    });
    const state = createSettingsState(port);
    state.update((c) => ({ ...c, settings: { ...settings, sources: settings.sources.slice(0, 1) } }));
    expect(state.secrets).toEqual({ a: { authorization: 'x' } });
  });

  it('an obtained secret is a change marked as such, kept through saveObtained where the host has it', () => {
    const obtained: string[] = [];
    const { port, saved } = portWith(
      { settings, secrets: {} },
      { saveObtained: (id, field, value) => void obtained.push(`${id}.${field}=${value}`) },
    );
    const state = createSettingsState(port);
    const heard: SettingsChange[] = [];
    state.onChange((_current, change) => heard.push(change));
    state.keepObtainedSecret('a', 'token', 't-1');
    expect(state.secretsOf('a')).toEqual({ token: 't-1' });
    expect(obtained).toEqual(['a.token=t-1']);
    expect(saved).toEqual([]);
    expect(heard).toEqual([
      { previous: { settings, secrets: {} }, obtained: { sourceId: 'a', field: 'token' } },
    ]);
    expect(state.secretsOf('constructor')).toEqual({});
  });

  it('every listener hears of a change even when one of them fails', () => {
    const state = createSettingsState(portWith({ settings, secrets: {} }).port);
    let second = 0;
    state.onChange(() => {
      throw new Error('listener bug');
    });
    state.onChange(() => (second += 1));
    expect(() => state.update((c) => c)).toThrow('listener bug');
    expect(second).toBe(1);
  });
});

describe('snoozedUntil', () => {
  it('is the time while it is ahead, and undefined once past, unset or inherited', () => {
    const s = { snoozes: { a: 2_000 } };
    expect(snoozedUntil(s, 'a', 1_000)).toBe(2_000);
    expect(snoozedUntil(s, 'a', 2_000)).toBeUndefined();
    expect(snoozedUntil(s, 'b', 1_000)).toBeUndefined();
    expect(snoozedUntil(s, 'constructor', 1_000)).toBeUndefined();
  });

  it('withSnoozes sets several at once, and null or a past time lifts them', () => {
    expect(withSnoozes({ c: 5 }, ['a', 'b'], 9_000, 1_000)).toEqual({ a: 9_000, b: 9_000, c: 5 });
    expect(withSnoozes({ a: 9_000, b: 9_000 }, ['a'], null, 1_000)).toEqual({ b: 9_000 });
    expect(withSnoozes({ a: 9_000 }, ['a'], 500, 1_000)).toEqual({});
  });
});
