export { exportSettings, importSettings, SETTINGS_FORMAT } from './export';
export { MIGRATIONS, migrate } from './migrations';
export type { Migration, MigrationResult } from './migrations';
export { defaultSettingsDeps, parseSettings } from './parse-settings';
export type { ParseSettingsResult, SettingsDeps } from './parse-settings';
export { createPreviousSettings, secretsForRestore } from './previous-settings';
export type { PreviousSettings, PreviousSettingsMedium } from './previous-settings';
export { importSettingsDocument, parseSettingsDocument, SETTINGS_SECTIONS } from './settings-document';
