import type { Secrets, Settings } from '../../shared/settings';

/** Settings with their secrets, as the settings state holds them. */
export interface SettingsSnapshot {
  settings: Settings;
  secrets: Secrets;
}

/**
 * Where a host keeps settings and secrets (electron-store + safeStorage, or the settings file for the
 * CLI). Only the settings state talks to it.
 */
export interface SettingsPort {
  load(): SettingsSnapshot;
  /** Keeps a change the user made; throws when it cannot (then nothing changes). */
  save(settings: Settings, secrets: Secrets): void;
  /**
   * Keeps a secret a session obtained (a login token, a pairing key); `next` is the whole state with it.
   * Hosts that keep obtained secrets for the run only (the CLI) remember that the value is theirs and
   * write nothing. Without it, `save` is used.
   */
  saveObtained?(sourceId: string, field: string, value: string, next: SettingsSnapshot): void;
}
