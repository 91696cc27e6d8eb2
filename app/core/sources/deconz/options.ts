import { hostname } from 'node:os';
import { z } from 'zod';

/** Phoscon lists apps by this name; deCONZ accepts up to 40 characters. */
function defaultDevicetype(): string {
  let host = 'desktop';
  try {
    host = hostname() || host;
  } catch {
    // Some sandboxes refuse; the generic name still pairs.
  }
  return `herald#${host}`.slice(0, 40);
}

export const DeconzOptionsSchema = z.object({
  devicetype: z.string().min(1).max(40).default(defaultDevicetype),
  /** Battery percentage at or below which `deconz.battery.low` fires. */
  lowBatteryPercent: z.number().int().min(1).max(99).default(20),
  /** CLIP sensors are virtual ones made by apps and rules: quiet unless asked for. */
  includeClip: z.boolean().default(false),
  /** Connect with wss:// to `websocketport_wss` (deCONZ v2.32+; the gateway's certificate is self-signed). */
  secureWebsocket: z.boolean().default(false),
  /** Safety refresh of names (renames are not always pushed). */
  refreshMinutes: z
    .number()
    .min(0.01)
    .max(24 * 60)
    .default(10),
  /** While the gateway is locked, pairing is retried this often… */
  pairRetrySeconds: z.number().min(0.05).max(60).default(10),
  /**
   * …for this long, then the source stops with the hint and waits for "reconnect". Kept under the
   * connection layer's 60 s budget for prepare(); Phoscon keeps the gateway open 60 s after the click.
   */
  pairWindowSeconds: z.number().min(0.1).max(55).default(50),
  /** deCONZ never pings, so Herald does: a dead socket is noticed within interval + timeout. */
  pingIntervalSeconds: z.number().min(0.05).max(300).default(30),
  pingTimeoutSeconds: z.number().min(0.05).max(120).default(10),
  /** At most this many single-resource lookups for unknown ids per minute. */
  maxLookupsPerMinute: z.number().int().min(0).max(600).default(20),
});

export type DeconzOptions = z.infer<typeof DeconzOptionsSchema>;
