import { z } from 'zod';
import { DurationSchema } from '../../../shared/duration';

export const flavours = ['auto', 'current', 'legacy'] as const;
export type Flavour = (typeof flavours)[number];

export const UnraidOptionsSchema = z.object({
  /**
   * `current`: unraid-management-agent, one socket at /api/v1/ws (port 8043).
   * `legacy`: the documented per-topic sockets of the old UMA on port 34600.
   * `auto`: try current first; if that never opens, ask the server over REST which one it is.
   */
  flavour: z.enum(flavours).default('auto'),
  /** Container alerts wait this long so an array or Docker stop that follows can swallow them. */
  containerHold: DurationSchema.default(5_000),
  /** After the array changes state, container / disk / VM alerts stay quiet this long. */
  arraySettle: DurationSchema.default(120_000),
  /** Override the disk temperature limits the agent reports (Unraid's own settings are used otherwise). */
  diskWarningCelsius: z.number().min(1).max(150).optional(),
  diskCriticalCelsius: z.number().min(1).max(150).optional(),
  /** Fetch the current state over REST after every connect (current agent only). */
  bootstrap: z.boolean().default(true),
});
export type UnraidOptions = z.infer<typeof UnraidOptionsSchema>;

/** The agent's origin as ws(s)://host:port, whatever path or scheme the user typed. */
export function socketUrl(base: string, path: string): string {
  const url = new URL(base);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  url.pathname = path;
  url.search = '';
  url.hash = '';
  return url.toString();
}
