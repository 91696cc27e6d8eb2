import type { Secrets, Settings } from '../shared/settings';
import { defaultSettings } from '../shared/settings';
import type { SettingsPort } from '../core/settings/settings-port';
import { parseSettings } from '../core/settings';
import type { SecretStore } from './secret-store';

/** The part of an electron-store instance this module uses (a plain object in tests). */
export interface KeyValueStore {
  get(key: 'settings'): unknown;
  set(key: 'settings', value: unknown): void;
}

export interface SettingsStore extends SettingsPort {
  /** Problems found when the stored settings were loaded (shown in the settings window). */
  loadProblems(): string[];
}

/**
 * Settings in electron-store, secrets apart in the secret store. Stored settings are run through the
 * same parser as imports (our own versioned migrations: electron-store's are unsupported), and a
 * file that no longer validates is kept aside under another key rather than silently wiped.
 */
export function createSettingsStore(opts: {
  store: KeyValueStore & { set(key: string, value: unknown): void };
  secrets: SecretStore;
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

  return {
    loadProblems: () => problems,
    load() {
      current ??= read();
      return current;
    },
    save(settings, secrets) {
      opts.store.set('settings', settings);
      opts.secrets.save(secrets);
      current = { settings, secrets };
    },
  };
}
