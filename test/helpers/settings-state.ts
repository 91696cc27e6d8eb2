import { createSettingsState } from '../../app/core/settings/settings-state';
import type { SettingsState } from '../../app/core/settings/settings-state';
import type { Secrets, Settings } from '../../app/shared/settings';

/** A settings state kept in memory (a host that persists nothing), for engine and API tests. */
export function memoryState(settings: Settings, secrets: Secrets = {}): SettingsState {
  let stored = { settings, secrets };
  return createSettingsState({
    load: () => stored,
    save: (nextSettings, nextSecrets) => void (stored = { settings: nextSettings, secrets: nextSecrets }),
  });
}

/** Replaces settings and secrets wholesale, as a save from the settings window does. */
export function replaceSettings(state: SettingsState, settings: Settings, secrets: Secrets = {}): void {
  state.update(() => ({ settings, secrets }));
}
