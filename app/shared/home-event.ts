import { z } from 'zod';

export const severities = ['info', 'warning', 'critical'] as const;
export const SeveritySchema = z.enum(severities);
export type Severity = z.infer<typeof SeveritySchema>;

export const EntitySchema = z.object({
  /** The server's own id (uuid, sensor id, container name…). */
  id: z.string(),
  /** Human name, resolved through the server's REST API where the frame only carries an id. */
  name: z.string(),
  /** What sort of thing it is: "sensor", "container", "recording", "session"… */
  kind: z.string().optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

/**
 * The one normalised event every source produces and everything downstream (rules, policy, history,
 * UI) consumes.
 */
export const HomeEventSchema = z.object({
  /** Stable id: the same happening seen twice (a replay after reconnect) gets the same id. */
  id: z.string(),
  sourceId: z.string(),
  sourceKind: z.string(),
  /** Dotted type, kind first: `emby.DisplayMessage`, `unraid.docker.stop`, `deconz.sensor.open`. */
  type: z.string(),
  /** Epoch milliseconds of the happening (server time where the frame carries one). */
  time: z.number(),
  entity: EntitySchema.optional(),
  severity: SeveritySchema,
  title: z.string(),
  body: z.string(),
  /** Only http(s); the host checks again before opening it. */
  url: z.string().optional(),
  /** Normalised values rules can test without knowing the wire format (`data.cpuPercent`, `data.exitCode`). */
  data: z.record(z.string(), z.unknown()).optional(),
  /**
   * A periodic measurement (CPU load, a temperature report). Rules see every sample, but history keeps a
   * sample only when it leads to a notification, so a 5-second stats stream cannot flood the log.
   */
  sample: z.boolean().optional(),
  /** The frame (or the part of it) the event came from, for rules that match raw paths. */
  raw: z.unknown(),
});
export type HomeEvent = z.infer<typeof HomeEventSchema>;
