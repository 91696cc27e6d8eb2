import { z } from 'zod';

export const TvheadendOptionsSchema = z.object({
  /** Empty for servers that allow anonymous web access (an access entry for "*"). */
  username: z.string().default(''),
  /** "auto" answers whatever the server offers (Digest by default, Basic in Plain mode). */
  auth: z.enum(['auto', 'digest', 'basic']).default('auto'),
  /** Raise tvheadend.disk.low below this much free recording space; 0 turns it off. */
  diskLowGiB: z.number().min(0).default(10),
  /** Also report the server's own subscriptions (recorder, EPG grabber, scans), not only viewers. */
  includeInternalStreams: z.boolean().default(false),
  /** Turn error-looking log lines (admin accounts only) into tvheadend.log.error events. */
  logErrors: z.boolean().default(true),
  /** Regular expression (case-insensitive) choosing which log lines count as errors. */
  logErrorPattern: z
    .string()
    .optional()
    .refine((p) => p === undefined || isRegex(p), 'not a valid regular expression'),
});
export type TvheadendOptions = z.infer<typeof TvheadendOptionsSchema>;

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}
