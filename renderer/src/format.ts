import { escapeInvisible } from '../../app/shared/clean-text';
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateFmt = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Server clocks and hand-edited files can give times no Date can hold: those become text, not a crash. */
export function formatTime(epochMs: number, now = Date.now()): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return 'unknown time';
  return new Date(now).toDateString() === date.toDateString() ? timeFmt.format(date) : dateFmt.format(date);
}

/** The `dateTime` attribute of a <time>, or undefined for a time no Date can hold. */
export function isoTime(epochMs: number): string | undefined {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** 90000 → "90s", 300000 → "5m": the short form the settings file also accepts. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

export function splitList(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** "Disk alerts!" → "disk-alerts": ids from names; `fallback` when nothing usable is left. */
export function slugify(text: string, fallback = 'source'): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback
  );
}

const fullFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Date and time in the locale's words, for the details of an entry. */
export function formatFullTime(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? 'unknown time' : fullFmt.format(date);
}

const MAX_PAYLOAD_CHARS = 100_000;

/** A payload as indented JSON text (never markup); a huge one is cut, saying so. */
export function formatPayload(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value, null, 2) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  // Server text shown as evidence: bidi overrides and invisible characters become visible escapes.
  return escapeInvisible(
    text.length > MAX_PAYLOAD_CHARS
      ? `${text.slice(0, MAX_PAYLOAD_CHARS)}\n… (${text.length - MAX_PAYLOAD_CHARS} more characters not shown)`
      : text,
  );
}
