import { readFileSync } from 'node:fs';
import type { Secrets, Settings } from '../shared/settings';
import { importSettings } from '../core/settings/export';

export type LoadedConfig =
  { ok: true; settings: Settings; secrets: Secrets } | { ok: false; errors: string[] };

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

export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`cannot read ${file}: ${(error as Error).message}`] };
  }
  const result = importSettings(text);
  if (!result.ok) return result;
  return {
    ok: true,
    settings: result.settings,
    secrets: secretsFromEnv(result.settings, result.secrets, env),
  };
}
