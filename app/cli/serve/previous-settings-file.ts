import { existsSync, readFileSync } from 'node:fs';
import { exportSettings } from '../../core/settings';
import type { PreviousSettingsMedium } from '../../core/settings';
import type { Secrets } from '../../shared/settings';
import { writeFileAtomic } from '../write-file-atomic';

/** `herald.json` → `herald.json.previous`: beside the settings file, found where the user looks. */
export const previousSettingsPath = (configFile: string) => `${configFile}.previous`;

/**
 * The previous generation of `herald serve`'s settings file: the settings in a file beside it with the
 * same permissions, never a secret (the file may keep its own in plain; its copy does not). The previous
 * secrets stay in memory for this run, so a restore brings back the passwords the undone save deleted.
 */
export function previousSettingsFile(configFile: string, modeOf: () => number): PreviousSettingsMedium {
  const file = previousSettingsPath(configFile);
  let secrets: Secrets = {};
  return {
    read() {
      if (!existsSync(file)) return undefined;
      return { settings: JSON.parse(readFileSync(file, 'utf8')) as unknown, secrets };
    },
    write(settings, previousSecrets) {
      writeFileAtomic(file, exportSettings(settings, {}, { includeSecrets: false }), modeOf());
      secrets = previousSecrets;
    },
  };
}
