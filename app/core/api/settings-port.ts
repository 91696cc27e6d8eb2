import type { Secrets, Settings } from '../../shared/settings';

/** Where a host keeps settings and secrets (electron-store + safeStorage, or a config file for serve). */
export interface SettingsPort {
  load(): { settings: Settings; secrets: Secrets };
  save(settings: Settings, secrets: Secrets): void;
}

/** The settings parser's contract (app/core/settings): validates, migrates and splits out inline secrets. */
export type ParseSettings = (
  raw: unknown,
) => { ok: true; settings: Settings; secrets: Secrets } | { ok: false; errors: string[] };

/** Turns settings (and optionally secrets) into the text of an export file. */
export type ExportSettings = (settings: Settings, secrets: Secrets | undefined) => string;
