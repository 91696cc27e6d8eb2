/** Small formatting helpers for the plain-words reasons every decision carries. */

const MAX_VALUE_CHARS = 40;

/** A value as it appears in a reason: strings quoted, long ones cut, missing ones named. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'missing';
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** 40s, 2m, 2m 30s, 1h 5m, 3d 2h: two units at most, that is what a person reads. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const abs = Math.max(0, Math.round(ms));
  if (abs === 0) return '0s';
  if (abs < 1000) return `${abs}ms`;
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ];
  const first = units.findIndex(([, size]) => abs >= size);
  const [bigName, bigSize] = units[first]!;
  const big = Math.floor(abs / bigSize);
  const next = units[first + 1];
  const small = next ? Math.floor((abs - big * bigSize) / next[1]) : 0;
  return small > 0 && next ? `${big}${bigName} ${small}${next[0]}` : `${big}${bigName}`;
}
