/** Quiet hours as minutes of the local day; the window may wrap midnight. */

export type MinutesOfDay = (epochMs: number) => number;

export function parseHhmm(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return NaN;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes since local midnight in the machine's time zone. */
export const localMinutesOfDay: MinutesOfDay = (epochMs) => {
  const d = new Date(epochMs);
  return d.getHours() * 60 + d.getMinutes();
};

/** Minutes since midnight in a named IANA zone ("Europe/Berlin"), for hosts that know better than the OS. */
export function minutesOfDayIn(timeZone: string): MinutesOfDay {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (epochMs) => {
    const parts = format.formatToParts(new Date(epochMs));
    const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
    const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
    return (hour % 24) * 60 + minute;
  };
}

/**
 * Whether `minute` falls in [start, end). 22:00–07:00 wraps midnight: 22:00 is quiet, 07:00 is not.
 * start == end means all day: someone who enables quiet hours and sets no span wants silence, and a
 * zero-length window would make the switch do nothing.
 */
export function inQuietWindow(minute: number, start: number, end: number): boolean {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return false;
  if (start === end) return true;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
