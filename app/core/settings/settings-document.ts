import { SettingsSchema } from '../../shared/settings';
import { decodeSettingsText } from './export';
import type { ParseSettingsResult, SettingsDeps } from './parse-settings';
import { defaultSettingsDeps, parseSettings } from './parse-settings';

/** The sections of a settings document, from the schema itself so a new section is known at once. */
export const SETTINGS_SECTIONS: readonly string[] = Object.keys(SettingsSchema.shape);
/** Keys of the file format beside the sections: the format tag and an export's secrets. */
const FILE_KEYS = ['format', 'secrets'];

const quoted = (keys: readonly string[]) => keys.map((key) => JSON.stringify(key)).join(', ');

/**
 * What makes a request unfit to replace the whole configuration, in words that name the keys. Both the
 * UI's save and its import replace everything: a misspelt section ("sorces") would otherwise be dropped
 * and the real one reset to its default, and any JSON object would pass as an empty configuration.
 * `complete` (the save: the UI always holds and sends the whole document) also requires every section.
 */
export function settingsDocumentProblems(raw: unknown, opts: { complete: boolean }): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return []; // parseSettings says why
  const keys = Object.keys(raw);
  const known = new Set([...SETTINGS_SECTIONS, ...FILE_KEYS]);
  const unknown = keys.filter((key) => !known.has(key));
  const named = SETTINGS_SECTIONS.filter((section) => keys.includes(section));
  const problems: string[] = [];
  if (unknown.length > 0) {
    problems.push(
      `settings: unknown top-level ${unknown.length === 1 ? 'key' : 'keys'} ${quoted(unknown)} ` +
        `(a settings document has ${quoted(SETTINGS_SECTIONS)})`,
    );
  }
  if (named.length === 0) {
    problems.push(`settings: this is not a settings document: it names none of ${quoted(SETTINGS_SECTIONS)}`);
  } else if (opts.complete) {
    const missing = SETTINGS_SECTIONS.filter((section) => !keys.includes(section));
    if (missing.length > 0)
      problems.push(
        `settings: missing ${missing.length === 1 ? 'section' : 'sections'} ${quoted(missing)} ` +
          '(a save sends the whole settings document; nothing was changed)',
      );
  }
  return problems;
}

/** A save from the UI: a complete settings document, then everything `parseSettings` checks. */
export function parseSettingsDocument(
  raw: unknown,
  deps: SettingsDeps = defaultSettingsDeps,
): ParseSettingsResult {
  const problems = settingsDocumentProblems(raw, { complete: true });
  return problems.length > 0 ? { ok: false, errors: problems } : parseSettings(raw, deps);
}

/**
 * An import from the UI: a settings file whose top-level keys are all known. Sections may be missing
 * (older exports, hand-written files) and take their defaults. Files read by the CLI (`--config`) go
 * through the lenient `importSettings`.
 */
export function importSettingsDocument(
  text: string,
  deps: SettingsDeps = defaultSettingsDeps,
): ParseSettingsResult {
  const decoded = decodeSettingsText(text);
  if (!decoded.ok) return decoded;
  const problems = settingsDocumentProblems(decoded.value, { complete: false });
  return problems.length > 0 ? { ok: false, errors: problems } : parseSettings(decoded.value, deps);
}
