import { readFileSync } from 'node:fs';
import type { Secrets, Settings } from '../shared/settings';
import { defaultSettings } from '../shared/settings';
import { importSettings } from '../core/settings/export';

export type LoadedConfig =
  | {
      ok: true;
      settings: Settings;
      secrets: Secrets;
      /** The file was missing or empty: an empty configuration stands in for it. */
      empty?: boolean;
    }
  | { ok: false; errors: string[] };

/** `HERALD_SECRET_<SOURCE_ID>_<FIELD>`, upper-cased, other characters as "_": keeps secrets out of files. */
export function secretEnvName(sourceId: string, field: string): string {
  return `HERALD_SECRET_${sourceId}_${field}`.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

export function secretsFromEnv(settings: Settings, secrets: Secrets, env: NodeJS.ProcessEnv): Secrets {
  const merged: Secrets = { ...secrets };
  for (const source of settings.sources) {
    for (const [name, value] of Object.entries(env)) {
      const prefix = secretEnvName(source.id, '');
      if (!value || !name.startsWith(prefix)) continue;
      const field = name
        .slice(prefix.length)
        .toLowerCase()
        .replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      merged[source.id] = { ...merged[source.id], [field]: value };
    }
  }
  return merged;
}

export interface LoadConfigOptions {
  /**
   * A file that does not exist yet, or is empty, is an empty configuration (`herald serve` on a new file:
   * the user sets it up in the UI and the first save creates it). Without this both are errors.
   */
  missingIsEmpty?: boolean;
}

export function loadConfig(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  opts: LoadConfigOptions = {},
): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (opts.missingIsEmpty && (error as NodeJS.ErrnoException).code === 'ENOENT')
      return { ok: true, settings: defaultSettings(), secrets: {}, empty: true };
    return { ok: false, errors: [`cannot read ${file}: ${(error as Error).message}`] };
  }
  if (opts.missingIsEmpty && text.replace(/^\uFEFF/, '').trim() === '')
    return { ok: true, settings: defaultSettings(), secrets: {}, empty: true };
  const result = importSettings(text);
  if (!result.ok) return result;
  return {
    ok: true,
    settings: result.settings,
    secrets: secretsFromEnv(result.settings, result.secrets, env),
  };
}
