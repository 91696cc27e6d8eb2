import { z } from 'zod';

/**
 * Wire shapes of both UMA flavours (see docs/sources/unraid.md and docs/protocols/uma.md).
 * Everything is lenient: the agent omits `omitempty` fields freely and adds new ones every release,
 * so unknown fields are stripped and a field of the wrong type reads as missing rather than failing
 * the whole frame.
 */

const optNum = z.number().optional().catch(undefined);
const optStr = z.string().optional().catch(undefined);
const optBool = z.boolean().optional().catch(undefined);

// ---------- current agent (ruaan-deysel/unraid-management-agent, /api/v1/ws on 8043) ----------

/** What we subscribe to; `update` keeps old agents (and unmapped types) arriving. */
export const CURRENT_TOPICS = [
  'system_update',
  'array_status_update',
  'disk_list_update',
  'container_list_update',
  'vm_list_update',
  'ups_status_update',
  'nut_status_update',
  'notifications_update',
  'source_status_changed',
  'update',
] as const;

export const CurrentEnvelopeSchema = z.object({
  event: z.string(),
  timestamp: optStr,
  data: z.unknown(),
});
export type CurrentEnvelope = z.infer<typeof CurrentEnvelopeSchema>;

export const SystemInfoSchema = z.object({
  hostname: optStr,
  version: optStr,
  agent_version: optStr,
  cpu_usage_percent: optNum,
  ram_usage_percent: optNum,
  cpu_temp_celsius: optNum,
  timestamp: optStr,
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;

export const ArrayStatusSchema = z.object({
  state: z.string().catch('unknown'),
  parity_valid: optBool,
  parity_check_status: optStr,
  parity_check_progress: optNum,
  num_disks: optNum,
  timestamp: optStr,
});
export type ArrayStatus = z.infer<typeof ArrayStatusSchema>;

const SmartAttributeSchema = z.object({
  raw_value: z.union([z.string(), z.number()]).optional().catch(undefined),
});

export const DiskInfoSchema = z.object({
  id: z.string(),
  name: z.string().catch(''),
  device: optStr,
  status: optStr,
  temperature_celsius: optNum,
  smart_status: optStr,
  smart_errors: optNum,
  role: optStr,
  spin_state: optStr,
  temp_warning_celsius: optNum,
  temp_critical_celsius: optNum,
  smart_attributes: z.record(z.string(), SmartAttributeSchema.catch({})).optional().catch(undefined),
});
export type DiskInfo = z.infer<typeof DiskInfoSchema>;

export const ContainerInfoSchema = z.object({
  id: z.string().catch(''),
  name: z.string(),
  image: optStr,
  state: z.string().catch(''),
  status: z.string().catch(''),
  restart_count: optNum,
});
export type ContainerInfo = z.infer<typeof ContainerInfoSchema>;

export const VmInfoSchema = z.object({
  id: z.string().catch(''),
  name: z.string(),
  state: z.string().catch(''),
});
export type VmInfo = z.infer<typeof VmInfoSchema>;

export const UpsStatusSchema = z.object({
  connected: optBool,
  status: z.string().catch(''),
  battery_charge_percent: optNum,
  runtime_left_seconds: optNum,
  battery_runtime_seconds: optNum,
  model: optStr,
});
export type UpsStatus = z.infer<typeof UpsStatusSchema>;

export const UnraidNotificationSchema = z.object({
  id: z.string().catch(''),
  title: z.string().catch(''),
  subject: z.string().catch(''),
  description: z.string().catch(''),
  importance: z.string().catch('normal'),
  link: optStr,
  timestamp: optStr,
  type: z.string().catch('unread'),
});
export type UnraidNotification = z.infer<typeof UnraidNotificationSchema>;

/**
 * `null` is Go's empty list (no notifications at all). A missing or non-list field is a malformed
 * payload, not an empty list: read as empty it would wipe the seen-set and replay the backlog next time.
 */
export const NotificationListSchema = z.object({
  notifications: z.array(z.unknown()).nullable(),
});

export const SourceStatusSchema = z.object({ subsystem: z.string(), state: z.string(), reason: optStr });
export type AgentSourceStatus = z.infer<typeof SourceStatusSchema>;

/** `GET /api/v1/settings/disk-thresholds`: the user's own Unraid limits (dynamix.cfg). */
export const DiskThresholdsSchema = z.object({
  hdd_temp_warning_celsius: optNum,
  hdd_temp_critical_celsius: optNum,
  ssd_temp_warning_celsius: optNum,
  ssd_temp_critical_celsius: optNum,
});
export type DiskThresholds = z.infer<typeof DiskThresholdsSchema>;

export const ParityHistorySchema = z.object({
  records: z
    .array(
      z.object({
        action: optStr,
        date: optStr,
        duration_seconds: optNum,
        status: z.union([z.string(), z.number()]).optional().catch(undefined),
        errors: optNum,
      }),
    )
    .nullable()
    .catch([]),
});
export type ParityRecord = NonNullable<z.infer<typeof ParityHistorySchema>['records']>[number];

/** Parses each element on its own so one odd container does not cost the whole list. */
export function parseList<T>(schema: z.ZodType<T>, data: unknown): T[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const out: T[] = [];
  for (const item of data) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

// ---------- legacy agent (domalab/uma docs, per-topic sockets on 34600) ----------

export const LEGACY_PATHS = {
  docker: '/api/v1/ws/docker/events',
  stats: '/api/v1/ws/system/stats',
  storage: '/api/v1/ws/storage/status',
} as const;

export const LegacyEnvelopeSchema = z.object({
  type: z.string(),
  timestamp: z.union([z.string(), z.number()]).optional().catch(undefined),
  data: z.unknown().optional(),
});
export type LegacyEnvelope = z.infer<typeof LegacyEnvelopeSchema>;

export const LegacyStatsSchema = z.object({ cpu_percent: optNum, memory_percent: optNum, hostname: optStr });

export const LegacyDockerEventSchema = z.object({
  action: z.string(),
  container_id: z.string().catch(''),
  container_name: z.string().catch(''),
  image: optStr,
  status: optStr,
  attributes: z.record(z.string(), z.unknown()).optional().catch(undefined),
});
export type LegacyDockerEvent = z.infer<typeof LegacyDockerEventSchema>;

const LegacyDiskSchema = z.object({
  name: z.string(),
  device: optStr,
  status: optStr,
  temperature: optNum,
});

export const LegacyStorageSchema = z.object({
  array_status: optStr,
  disks: z.array(z.unknown()).optional().catch(undefined),
  cache_disks: z.array(z.unknown()).optional().catch(undefined),
});

export function parseLegacyDisks(data: z.infer<typeof LegacyStorageSchema>): DiskInfo[] {
  const toDisk = (role: string) => (d: z.infer<typeof LegacyDiskSchema>) =>
    ({
      id: d.name,
      name: d.name,
      device: d.device,
      temperature_celsius: d.temperature,
      role,
      spin_state: d.status === 'standby' ? 'standby' : undefined,
    }) satisfies DiskInfo;
  return [
    ...(parseList(LegacyDiskSchema, data.disks) ?? []).map(toDisk('data')),
    ...(parseList(LegacyDiskSchema, data.cache_disks) ?? []).map(toDisk('cache')),
  ];
}

/** Go's RFC3339Nano with a local offset: trim the fraction to milliseconds before Date.parse. */
export function parseTime(value: string | number | undefined, fallback: number): number {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  if (!value) return fallback;
  const ms = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(ms) ? ms : fallback;
}
