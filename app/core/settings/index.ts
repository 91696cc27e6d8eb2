export { exportSettings, importSettings, SETTINGS_FORMAT } from './export';
export { MIGRATIONS, migrate } from './migrations';
export type { Migration, MigrationResult } from './migrations';
export { defaultSettingsDeps, parseSettings } from './parse-settings';
export type { ParseSettingsResult, SettingsDeps } from './parse-settings';
