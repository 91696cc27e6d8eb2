import { z } from 'zod';
import { SourceConfigSchema } from './settings';

const FieldKey = z.string().min(1).max(100);

/**
 * "Test connection": the source as the form holds it (unsaved), and the secrets typed into it. For a
 * source that exists, the stored secrets fill in what was not typed, except those the user cleared.
 */
export const SourceTestRequestSchema = z
  .object({
    source: SourceConfigSchema.pick({ kind: true, url: true, options: true, tls: true }).extend({
      /** The saved source this form edits, so its stored secrets apply; absent for a new one. */
      id: z.string().max(200).optional(),
      url: z.string().min(1).max(4096),
    }),
    secrets: z.record(FieldKey, z.string().min(1).max(10_000)).default({}),
    clearedSecrets: z.array(FieldKey).max(50).default([]),
  })
  .strict();
export type SourceTestRequest = z.input<typeof SourceTestRequestSchema>;

/**
 * What the test found, in the words the form shows:
 * - `reached`: the kind's preparation (sign-in, port lookup) and the WebSocket upgrade both worked;
 * - `refused`: nothing listens there (connection refused);
 * - `auth-failed`: the server refused the credentials;
 * - `tls-untrusted`: the certificate is not trusted; `fingerprint256` is what to pin if it is yours;
 * - `wrong-kind`: something answered, but not like this kind of server (HTTP 404, an HTML page, not JSON);
 * - `unreachable`: DNS, routing, TLS or other transport problems;
 * - `timed-out`: no verdict within the test's time limit;
 * - `invalid`: the form's values cannot even be tried (an option out of range, a URL without scheme).
 */
export const sourceTestOutcomes = [
  'reached',
  'refused',
  'auth-failed',
  'tls-untrusted',
  'wrong-kind',
  'unreachable',
  'timed-out',
  'invalid',
] as const;
export type SourceTestOutcome = (typeof sourceTestOutcomes)[number];

export interface SourceTestResult {
  outcome: SourceTestOutcome;
  /** One plain sentence: what happened. */
  message: string;
  /** What to do about it, when there is something to do. */
  hint?: string;
  /** SHA-256 fingerprint of the certificate the server presented ("AB:CD:…"), for `tls-untrusted`. */
  fingerprint256?: string;
  /** Warnings the kind raised on the way (a locked gateway, an account without some rights). */
  notes: string[];
}
