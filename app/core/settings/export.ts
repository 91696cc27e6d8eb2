import type { Secrets, Settings } from '../../shared/settings';
import { describeJsonError } from './json-errors';
import type { ParseSettingsResult, SettingsDeps } from './parse-settings';
import { defaultSettingsDeps, parseSettings } from './parse-settings';

/** The `format` tag of a settings file: lets an import tell a Herald file from any other JSON. */
export const SETTINGS_FORMAT = 'herald-settings';

/**
 * The text of a settings file (see docs/settings-format.md): `format`, `version`, the settings, and a
 * `secrets` section only when the user asked for it. Secrets of sources not in the settings are left out.
 */
export function exportSettings(
  settings: Settings,
  secrets: Secrets,
  opts: { includeSecrets: boolean },
): string {
  const { version, ...rest } = settings;
  const file: Record<string, unknown> = { format: SETTINGS_FORMAT, version, ...rest };
  if (opts.includeSecrets) {
    const kept: Secrets = {};
    for (const source of settings.sources) {
      const fields = secrets[source.id];
      if (fields && Object.keys(fields).length > 0) kept[source.id] = { ...fields };
    }
    file.secrets = kept;
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The JSON value of a settings file's text: it must be JSON (errors give line, column and position)
 * and, when it says which format it is, a Herald settings file.
 */
export function decodeSettingsText(
  text: string,
): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, errors: [describeJsonError(body, error)] };
  }
  if (typeof value === 'object' && value !== null && 'format' in value && value.format !== SETTINGS_FORMAT) {
    return {
      ok: false,
      errors: [`format: expected "${SETTINGS_FORMAT}" (this is not a Herald settings file)`],
    };
  }
  return { ok: true, value };
}

/**
 * Reads a settings file (see `decodeSettingsText`); the `secrets` section is read when present. A plain
 * settings object without `format` is accepted too (hand-written config files).
 */
export function importSettings(text: string, deps: SettingsDeps = defaultSettingsDeps): ParseSettingsResult {
  const decoded = decodeSettingsText(text);
  return decoded.ok ? parseSettings(decoded.value, deps) : decoded;
}
