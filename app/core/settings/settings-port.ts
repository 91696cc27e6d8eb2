import type { Secrets, Settings } from '../../shared/settings';
import type { ParseSettingsResult } from './parse-settings';

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
  /**
   * Keeps a change the user made; throws when it cannot (then nothing changes). Also keeps what it
   * replaces as the previous generation (see previous-settings.ts).
   */
  save(settings: Settings, secrets: Secrets): void;
  /** The generation kept by the last save that changed the settings; undefined when there is none. */
  loadPrevious?(): ParseSettingsResult | undefined;
  /**
   * Keeps a secret a session obtained (a login token, a pairing key); `next` is the whole state with it.
   * Hosts that keep obtained secrets for the run only (the CLI) remember that the value is theirs and
   * write nothing. Without it, `save` is used.
   */
  saveObtained?(sourceId: string, field: string, value: string, next: SettingsSnapshot): void;
}
