import type { Secrets, Settings } from '../../shared/settings';
import type { ParseSettingsResult } from '../settings';

/** Where a host keeps settings and secrets (electron-store + safeStorage, or a config file for serve). */
export interface SettingsPort {
  load(): { settings: Settings; secrets: Secrets };
  /** Also keeps what it replaces as the previous generation (see app/core/settings/previous-settings.ts). */
  save(settings: Settings, secrets: Secrets): void;
  /** The generation kept by the last save that changed the settings; undefined when there is none. */
  loadPrevious?(): ParseSettingsResult | undefined;
}
