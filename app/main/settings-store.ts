import type { Secrets, Settings } from '../shared/settings';
import { defaultSettings } from '../shared/settings';
import type { SettingsPort } from '../core/settings/settings-port';
import { createPreviousSettings, parseSettings } from '../core/settings';
import type { ParseSettingsResult } from '../core/settings';
import type { SecretStore } from './secret-store';

/** The part of an electron-store instance this module uses (a plain object in tests). */
export interface KeyValueStore {
  get(key: 'settings' | 'settingsPrevious'): unknown;
  set(key: 'settings' | 'settingsPrevious', value: unknown): void;
}

export interface SettingsStore extends SettingsPort {
  /** Problems found when the stored settings were loaded (shown in the settings window). */
  loadProblems(): string[];
  /** The generation the last settings-changing save replaced (see app/core/settings/previous-settings.ts). */
  loadPrevious(): ParseSettingsResult | undefined;
}

/**
 * Settings in electron-store, secrets apart in the secret store. Stored settings are run through the
 * same parser as imports (our own versioned migrations: electron-store's are unsupported), and a
 * file that no longer validates is kept aside under another key rather than silently wiped. Each save
 * that changes the settings keeps the ones it replaces, so the user can go back one step.
 */
export function createSettingsStore(opts: {
  store: KeyValueStore & { set(key: string, value: unknown): void };
  secrets: SecretStore;
  /** Where the previous generation's secrets go: a second safeStorage-encrypted file. */
  previousSecrets: SecretStore;
  now?: () => number;
}): SettingsStore {
  const now = opts.now ?? Date.now;
  let problems: string[] = [];
  let current: { settings: Settings; secrets: Secrets } | undefined;

  const read = () => {
    const raw = opts.store.get('settings');
    const secrets = opts.secrets.load();
    if (raw === undefined) return { settings: defaultSettings(), secrets };
    const parsed = parseSettings(raw);
    if (parsed.ok) return { settings: parsed.settings, secrets: { ...parsed.secrets, ...secrets } };
    problems = parsed.errors;
    opts.store.set(`settingsRejected-${now()}`, raw);
    return { settings: defaultSettings(), secrets };
  };
  // The previous generation sits in the same store (same file, same permissions) under its own key.
  const previous = createPreviousSettings({
    read() {
      const settings = opts.store.get('settingsPrevious');
      return settings === undefined ? undefined : { settings, secrets: opts.previousSecrets.load() };
    },
    write(settings, secrets) {
      opts.store.set('settingsPrevious', settings);
      opts.previousSecrets.save(secrets);
    },
  });

  const load = () => (current ??= read());

  return {
    loadProblems: () => problems,
    load,
    save(settings, secrets) {
      previous.keep(load(), settings);
      opts.store.set('settings', settings);
      opts.secrets.save(secrets);
      current = { settings, secrets };
    },
    loadPrevious: () => previous.load(),
  };
}
