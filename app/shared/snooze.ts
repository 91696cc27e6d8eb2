import type { Settings } from './settings';

/** Until when a source's notifications are held back, or undefined when it is not snoozed at `now`. */
export function snoozedUntil(
  settings: Pick<Settings, 'snoozes'>,
  sourceId: string,
  now: number,
): number | undefined {
  // Source ids come from users and files: `constructor` must not find Object.prototype's.
  const until = Object.hasOwn(settings.snoozes, sourceId) ? settings.snoozes[sourceId] : undefined;
  return until !== undefined && until > now ? until : undefined;
}

/** The snoozes with each of `sourceIds` snoozed until `until`; null (or a time already past) lifts them. */
export function withSnoozes(
  snoozes: Settings['snoozes'],
  sourceIds: readonly string[],
  until: number | null,
  now: number,
): Settings['snoozes'] {
  const next = { ...snoozes };
  for (const id of sourceIds) {
    if (until !== null && snoozedUntil({ snoozes: { [id]: until } }, id, now) !== undefined) next[id] = until;
    else delete next[id];
  }
  return next;
}
