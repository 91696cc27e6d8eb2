import { isDeepStrictEqual } from 'node:util';
import type { Secrets, Settings } from '../../shared/settings';
import type { ParseSettingsResult, SettingsDeps } from './parse-settings';
import { defaultSettingsDeps, parseSettings } from './parse-settings';

/**
 * Where a host keeps the one previous generation of settings. Settings go where the host's settings go
 * (same store, same permissions); secrets stay where the host keeps secrets (safeStorage, or memory),
 * never in plain beside the settings.
 */
export interface PreviousSettingsMedium {
  /** The kept generation, or undefined when none was kept yet. May throw when it cannot be read. */
  read(): { settings: unknown; secrets: Secrets } | undefined;
  write(settings: Settings, secrets: Secrets): void;
}

export interface PreviousSettings {
  /**
   * Call before a save replaces `current` with `next`. Keeps `current` when the save changes anything
   * but snoozes: a snooze from the tray, a token a source obtained or a password typed in must not
   * push the settings worth going back to out of the only generation kept.
   */
  keep(current: { settings: Settings; secrets: Secrets }, next: Settings): void;
  /** The kept generation, validated like any stored settings; undefined when there is none. */
  load(): ParseSettingsResult | undefined;
}

function withoutSnoozes(settings: Settings): Omit<Settings, 'snoozes'> {
  const { snoozes: _snoozes, ...rest } = settings;
  return rest;
}

export function createPreviousSettings(
  medium: PreviousSettingsMedium,
  deps: SettingsDeps = defaultSettingsDeps,
): PreviousSettings {
  return {
    keep(current, next) {
      if (isDeepStrictEqual(withoutSnoozes(current.settings), withoutSnoozes(next))) return;
      medium.write(current.settings, current.secrets);
    },
    load() {
      let kept: ReturnType<PreviousSettingsMedium['read']>;
      try {
        kept = medium.read();
      } catch (error) {
        return {
          ok: false,
          errors: [`the previous settings could not be read: ${(error as Error).message}`],
        };
      }
      if (!kept) return undefined;
      const parsed = parseSettings(kept.settings, deps);
      if (!parsed.ok)
        return { ok: false, errors: parsed.errors.map((e) => `the previous settings are not valid: ${e}`) };
      return { ...parsed, secrets: { ...kept.secrets, ...parsed.secrets } };
    },
  };
}

/**
 * The secrets restored settings run with: a field's current value wins (a password changed since the
 * backup was made), the kept one fills in what the undone save deleted with its source.
 */
export function secretsForRestore(kept: Secrets, current: Secrets): Secrets {
  const ids = new Set([...Object.keys(kept), ...Object.keys(current)]);
  return Object.fromEntries(
    [...ids].map((id) => [
      id,
      {
        ...(Object.hasOwn(kept, id) ? kept[id] : {}),
        ...(Object.hasOwn(current, id) ? current[id] : {}),
      },
    ]),
  );
}
