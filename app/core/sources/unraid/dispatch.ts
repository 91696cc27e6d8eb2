import type { SourceEvent } from '../types';
import type { ContainerWatch } from './container-watch';
import { statsEvents } from './normalise';
import {
  ArrayStatusSchema,
  ContainerInfoSchema,
  DiskInfoSchema,
  NotificationListSchema,
  SourceStatusSchema,
  SystemInfoSchema,
  UnraidNotificationSchema,
  UpsStatusSchema,
  VmInfoSchema,
  parseList,
} from './protocol';
import type { UnraidTracker } from './tracker';

/** Where frames of both flavours end up: the state that turns snapshots into events. */
export interface Sinks {
  sourceId: string;
  tracker: UnraidTracker;
  watch: ContainerWatch;
  emit(events: SourceEvent[]): void;
  log(message: string): void;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Agents before v2026.03.00 label every frame `"event":"update"`, and unmapped types still are:
 * recognise the topic from the shape of `data`, as the HA integration does.
 */
export function identifyTopic(event: string, data: unknown): string | undefined {
  if (event !== 'update') return event;
  if (Array.isArray(data)) {
    const first: unknown = data[0];
    if (!isObj(first)) return undefined; // [] is ambiguous (Docker down vs no VMs): ignore it
    if ('smart_status' in first || 'temperature_celsius' in first) return 'disk_list_update';
    if ('image' in first && 'state' in first) return 'container_list_update';
    if ('cpu_count' in first || 'guest_cpu_percent' in first) return 'vm_list_update';
    return undefined;
  }
  if (!isObj(data)) return undefined;
  if ('cpu_usage_percent' in data && 'hostname' in data) return 'system_update';
  if ('parity_check_status' in data || ('state' in data && 'num_disks' in data)) return 'array_status_update';
  if ('notifications' in data && 'overview' in data) return 'notifications_update';
  if ('battery_charge_percent' in data && 'status' in data) return 'ups_status_update';
  if ('subsystem' in data && 'state' in data) return 'source_status_changed';
  return undefined;
}

/** Feeds one payload (a WS frame's `data` or a REST body) of a known topic into the state. */
export function dispatchTopic(
  topic: string,
  data: unknown,
  time: number,
  raw: unknown,
  sinks: Sinks,
): boolean {
  switch (topic) {
    case 'system_update': {
      const s = SystemInfoSchema.safeParse(data);
      if (!s.success) return false;
      const ev = statsEvents(
        sinks.sourceId,
        {
          hostname: s.data.hostname,
          cpuPercent: s.data.cpu_usage_percent,
          memoryPercent: s.data.ram_usage_percent,
          cpuTempCelsius: s.data.cpu_temp_celsius,
        },
        time,
        raw,
      );
      sinks.emit(ev);
      return true;
    }
    case 'array_status_update': {
      const a = ArrayStatusSchema.safeParse(data);
      if (!a.success) return false;
      sinks.tracker.array(a.data, time, raw);
      return true;
    }
    case 'disk_list_update': {
      const list = parseList(DiskInfoSchema, data);
      if (!list) return false;
      sinks.tracker.disks(list, time);
      return true;
    }
    case 'container_list_update': {
      const list = parseList(ContainerInfoSchema, data);
      if (!list) return false;
      sinks.watch.snapshot(list, time, raw);
      return true;
    }
    case 'vm_list_update': {
      const list = parseList(VmInfoSchema, data);
      if (!list) return false;
      sinks.tracker.vms(list, time, raw);
      return true;
    }
    case 'ups_status_update':
    case 'nut_status_update': {
      const u = UpsStatusSchema.safeParse(data);
      if (!u.success) return false;
      sinks.tracker.ups(u.data, time, raw);
      return true;
    }
    case 'notifications_update': {
      const n = NotificationListSchema.safeParse(data);
      if (!n.success) return false;
      sinks.tracker.notifications(
        parseList(UnraidNotificationSchema, n.data.notifications ?? []) ?? [],
        time,
      );
      return true;
    }
    case 'source_status_changed': {
      const s = SourceStatusSchema.safeParse(data);
      if (!s.success) return false;
      if (s.data.subsystem === 'docker') sinks.watch.dockerSource(s.data.state);
      if (s.data.state !== 'healthy')
        sinks.log(`agent reports ${s.data.subsystem} ${s.data.state}: ${s.data.reason ?? ''}`);
      return true;
    }
    default:
      return true; // topics we do not use (gpu, shares, …) are fine, not bad frames
  }
}
