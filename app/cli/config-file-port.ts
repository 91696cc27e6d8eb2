import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { exportSettings, importSettings } from '../core/settings';
import type { SettingsPort, SettingsSnapshot } from '../core/settings/settings-port';
import type { Secrets } from '../shared/settings';
import { secretsFromEnv } from './load-config';

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
 * The CLI's settings port: the settings file. Secrets a session obtains (an Emby login, its device id,
 * a deCONZ pairing) are kept for this run only. `herald serve` writes the UI's changes back to the
 * same file, atomically; `herald watch` (not writable) never writes it.
 */
export function configFilePort(
  file: string,
  loaded: SettingsSnapshot,
  opts: { writable: boolean; env?: NodeJS.ProcessEnv },
): SettingsPort {
  const fileSecrets = opts.writable ? secretsOfFile(file) : undefined;
  const envSecrets = secretsFromEnv(loaded.settings, {}, opts.env ?? process.env);
  const obtained: Secrets = {};
  return {
    load: () => loaded,
    save(settings, secrets) {
      if (!opts.writable) throw new Error('this command does not write the settings file');
      const temp = `${file}.tmp`;
      const text = fileSecrets
        ? exportSettings(settings, secretsForFile(secrets, [envSecrets, obtained], fileSecrets), {
            includeSecrets: true,
          })
        : exportSettings(settings, secrets, { includeSecrets: false });
      const mode = modeOf(file);
      rmSync(temp, { force: true });
      writeFileSync(temp, text, { mode });
      chmodSync(temp, mode);
      renameSync(temp, file);
    },
    saveObtained(sourceId, field, value) {
      obtained[sourceId] = {
        ...(Object.hasOwn(obtained, sourceId) ? obtained[sourceId] : {}),
        [field]: value,
      };
    },
  };
}
