import { z } from 'zod';

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "5m", "1h", "250ms" or a number of milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * (units[match[2]!] ?? 1));
}

/** Accepts milliseconds or a short duration string in settings files; always yields milliseconds. */
export const DurationSchema = z.union([z.number().nonnegative(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const ms = parseDuration(value);
  if (ms === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a duration (use e.g. 30s, 5m, 2h or milliseconds)`,
    });
    return z.NEVER;
  }
  return ms;
});
