import type { Secrets, Settings } from '../../shared/settings';

/** Where a host keeps settings and secrets (electron-store + safeStorage, or a config file for serve). */
export interface SettingsPort {
  load(): { settings: Settings; secrets: Secrets };
  save(settings: Settings, secrets: Secrets): void;
}
