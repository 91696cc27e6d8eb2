import type { FieldError } from '../../../app/shared/api';

/** Errors at `path` or below it (`sources.0` also takes `sources.0.url`). */
export function errorsAt(errors: readonly FieldError[], path: string): string[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`)).map((e) => e.message);
}

/** Errors no field of the form claims, shown at the top of it. */
export function unclaimed(errors: readonly FieldError[], claimed: readonly string[]): FieldError[] {
  return errors.filter((e) => !claimed.some((p) => e.path === p || e.path.startsWith(`${p}.`)));
}
