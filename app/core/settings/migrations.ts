import { SETTINGS_VERSION } from '../../shared/settings';

type Raw = Record<string, unknown>;

/** Turns a settings object of version N into one of version N + 1. Must not mutate its argument. */
export type Migration = (raw: Raw) => Raw;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 0 is the pre-release format (files without `version`): sources said `type` where they now
 * say `kind`, and quiet hours were `quiet: { from, to }` instead of `quietHours: { start, end }`.
 */
function fromV0(raw: Raw): Raw {
  const next: Raw = { ...raw, version: 1 };
  if (Array.isArray(raw.sources)) {
    next.sources = raw.sources.map((source: unknown) => {
      if (!isObject(source) || !('type' in source)) return source;
      const { type, ...rest } = source;
      return rest.kind === undefined ? { ...rest, kind: type } : rest;
    });
  }
  if ('quiet' in raw) {
    const { quiet, ...rest } = next;
    if (isObject(quiet) && rest.quietHours === undefined) {
      const { from, to, ...others } = quiet;
      // Having quiet hours at all meant they were on: v0 had no switch unless one was written.
      rest.quietHours = { enabled: true, ...others, start: from, end: to };
    }
    return rest;
  }
  return next;
}

/** `MIGRATIONS[n]` upgrades version n to n + 1; the chain must reach SETTINGS_VERSION. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  0: fromV0,
};

export type MigrationResult = { ok: true; value: Raw; from: number } | { ok: false; errors: string[] };

/** Brings a settings object of any version we know up to SETTINGS_VERSION. */
export function migrate(
  raw: Raw,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): MigrationResult {
  const version = raw.version === undefined ? 0 : raw.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return { ok: false, errors: ['version: expected a whole number (the settings format version)'] };
  }
  if (version > SETTINGS_VERSION) {
    return {
      ok: false,
      errors: [
        `version: these settings were written by a newer Herald (version ${version}); ` +
          `this Herald reads up to version ${SETTINGS_VERSION}: update Herald to use them`,
      ],
    };
  }
  let value = raw;
  for (let v = version; v < SETTINGS_VERSION; v++) {
    const step = migrations[v];
    if (!step)
      return { ok: false, errors: [`version: no migration from version ${v} (this is a bug in Herald)`] };
    value = { ...step(value), version: v + 1 };
  }
  return { ok: true, value, from: version };
}
