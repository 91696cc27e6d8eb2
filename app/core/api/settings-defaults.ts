import { SettingsSchema } from '../../shared/settings';
import type { ExportSettings, ParseSettings } from './settings-port';

/** Used only when a host passes no parser: schema validation, no migrations, no inline secrets. */
export const defaultParseSettings: ParseSettings = (raw) => {
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, settings: parsed.data, secrets: {} };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'settings'}: ${i.message}`),
  };
};

export const defaultExportSettings: ExportSettings = (settings, secrets) =>
  `${JSON.stringify(secrets ? { ...settings, secrets } : settings, null, 2)}\n`;
