import { readFileSync, statSync } from 'node:fs';
import { createPreviousSettings, exportSettings, importSettings } from '../core/settings';
import type { SettingsPort, SettingsSnapshot } from '../core/settings/settings-port';
import type { Secrets } from '../shared/settings';
import { secretsFromEnv } from './load-config';
import { previousSettingsFile } from './serve/previous-settings-file';
import { writeFileAtomic } from './write-file-atomic';

/**
 * The secrets the user kept in the file itself (a `secrets` section, or secret fields written into a
 * source's options), or undefined when the file keeps none: then changes written back never add any.
 */
function secretsOfFile(file: string): Secrets | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const parsed = importSettings(text);
    const secrets = parsed.ok ? parsed.secrets : {};
    const hasSection = Object.hasOwn(JSON.parse(text) as object, 'secrets');
    return hasSection || Object.keys(secrets).length > 0 ? secrets : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What goes into the file: secrets given in the environment (there so the file can be shared without
 * them) and those obtained during the run stay out of it, unless the file held a value of its own.
 */
function secretsForFile(secrets: Secrets, memoryOnly: Secrets[], fromFile: Secrets): Secrets {
  const result: Secrets = {};
  for (const [id, fields] of Object.entries(secrets)) {
    const kept: Record<string, string> = {};
    for (const [field, value] of Object.entries(fields)) {
      const inMemoryOnly = memoryOnly.some((set) => Object.hasOwn(set, id) && set[id]?.[field] === value);
      const fileValue = Object.hasOwn(fromFile, id) ? fromFile[id]?.[field] : undefined;
      if (!inMemoryOnly) kept[field] = value;
      else if (fileValue !== undefined) kept[field] = fileValue;
    }
    if (Object.keys(kept).length > 0) result[id] = kept;
  }
  return result;
}

/** The file's permission bits, so a file kept private (it may hold secrets) stays private when replaced. */
function modeOf(file: string): number {
  try {
    return statSync(file).mode & 0o777;
  } catch {
    return 0o600;
  }
}

/**
 * Where passwords typed in the UI end up under serve, in the words the source form shows. Serve has no
 * keychain: they go into the file only when it already keeps secrets (see `secretsForFile`).
 */
export function fileSecretsNote(file: string, fileKeepsSecrets: boolean): string {
  return fileKeepsSecrets
    ? `herald serve writes passwords you enter here into ${file}, in plain text, because that file already holds secrets: keep it readable by you only.`
    : `Passwords you enter here are kept in memory only, until herald serve stops: ${file} holds no secrets, so none are written to it. To keep one, set it in the environment as HERALD_SECRET_<SOURCE_ID>_<FIELD> (e.g. HERALD_SECRET_TVH_PASSWORD), or add a "secrets" section to the file.`;
}

/**
 * The CLI's settings port: the settings file. Secrets a session obtains (an Emby login, its device id,
 * a deCONZ pairing) are kept for this run only. `herald serve` writes the UI's changes back to the
 * same file, atomically; `herald watch` (not writable) never writes it.
 */
export function configFilePort(
  file: string,
  loaded: SettingsSnapshot,
  opts: { writable: boolean; env?: NodeJS.ProcessEnv },
): SettingsPort & { readonly keepsSecrets: boolean } {
  const fileSecrets = opts.writable ? secretsOfFile(file) : undefined;
  const envSecrets = secretsFromEnv(loaded.settings, {}, opts.env ?? process.env);
  const obtained: Secrets = {};
  // One generation back, beside the file (`<file>.previous`), for "Restore previous settings".
  const previous = createPreviousSettings(previousSettingsFile(file, () => modeOf(file)));
  let current: SettingsSnapshot = { settings: loaded.settings, secrets: loaded.secrets };
  return {
    keepsSecrets: fileSecrets !== undefined,
    load: () => current,
    save(settings, secrets) {
      if (!opts.writable) throw new Error('this command does not write the settings file');
      const text = fileSecrets
        ? exportSettings(settings, secretsForFile(secrets, [envSecrets, obtained], fileSecrets), {
            includeSecrets: true,
          })
        : exportSettings(settings, secrets, { includeSecrets: false });
      previous.keep(current, settings);
      writeFileAtomic(file, text, modeOf(file));
      current = { settings, secrets };
    },
    loadPrevious: () => previous.load(),
    saveObtained(sourceId, field, value, next) {
      current = next;
      obtained[sourceId] = {
        ...(Object.hasOwn(obtained, sourceId) ? obtained[sourceId] : {}),
        [field]: value,
      };
    },
  };
}
