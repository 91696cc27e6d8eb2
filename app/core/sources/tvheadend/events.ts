import type { Severity } from '../../../shared/home-event';
import type { SourceEvent } from '../types';
import type { DiskReading } from './disk-monitor';
import type { DvrTransition, TrackedEntry } from './dvr-tracker';
import type { LogLine } from './normalise';
import type { EpgEventWire, SubscriptionWire } from './protocol';
import { failureReason } from './reasons';

/** Who is emitting: the same for every event of one source. */
export interface EventBase {
  /** Part of every event id. */
  sourceId: string;
  /** The web UI, offered as the event's link. */
  webUrl?: string;
  now: number;
}

function event(base: EventBase, e: Omit<SourceEvent, 'time' | 'url'> & { time?: number }): SourceEvent {
  const out: SourceEvent = { ...e, time: e.time ?? base.now };
  if (base.webUrl) out.url = base.webUrl;
  return out;
}

function label(entry: TrackedEntry): string {
  return entry.subtitle ? `${entry.title} — ${entry.subtitle}` : entry.title;
}

function clock(epochS: number | undefined): string | undefined {
  if (epochS === undefined) return undefined;
  const d = new Date(epochS * 1000);
  return d.toLocaleString(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
  });
}

const DVR_TEXT: Record<DvrTransition['kind'], { severity: Severity; title: string }> = {
  scheduled: { severity: 'info', title: 'Recording scheduled' },
  started: { severity: 'info', title: 'Recording started' },
  problem: { severity: 'warning', title: 'Recording problem' },
  completed: { severity: 'info', title: 'Recording completed' },
  failed: { severity: 'warning', title: 'Recording failed' },
  removed: { severity: 'info', title: 'Recording removed' },
};

export function dvrEvent(base: EventBase, t: DvrTransition): SourceEvent {
  const { entry } = t;
  const text = DVR_TEXT[t.kind];
  const on = entry.channel ? ` on ${entry.channel}` : '';
  const reason =
    t.kind === 'failed' || t.kind === 'problem'
      ? failureReason({
          schedStatus: entry.schedStatus,
          status: entry.status,
          errorcode: entry.errorcode,
          lastErrorcode: entry.lastErrorcode,
          dataErrors: entry.dataErrors,
        })
      : undefined;
  let body: string;
  switch (t.kind) {
    case 'scheduled':
      body = `${label(entry)}${on}, ${clock(entry.start) ?? 'time unknown'}${entry.autorec ? ' (by an autorec rule)' : ''}`;
      break;
    case 'started':
    case 'completed':
      body = `${label(entry)}${on}`;
      break;
    case 'problem':
    case 'failed':
      body = `${label(entry)}${on}: ${reason}`;
      break;
    case 'removed':
      body = `${label(entry)}${on} (was ${entry.schedStatus})`;
      break;
  }
  const data: Record<string, unknown> = {
    uuid: entry.uuid,
    title: entry.title,
    subtitle: entry.subtitle,
    channel: entry.channel,
    schedStatus: entry.schedStatus,
    previousSchedStatus: t.previous,
    status: entry.status,
    errorcode: entry.errorcode,
    errors: entry.errors,
    dataErrors: entry.dataErrors,
    start: entry.start,
    stop: entry.stop,
    filename: entry.filename,
    filesize: entry.filesize,
    autorec: entry.autorec,
    owner: entry.owner,
    creator: entry.creator,
  };
  if (reason) data.reason = reason;
  return event(base, {
    id: `${base.sourceId}:dvr:${entry.uuid}:${t.key}`,
    type: `tvheadend.dvr.${t.kind}`,
    entity: { id: entry.uuid, name: entry.title, kind: 'recording' },
    severity: text.severity,
    title: `${text.title}: ${entry.title}`,
    body,
    data: prune(data),
    raw: entry,
  });
}

export function subscriptionEvent(
  base: EventBase,
  sub: SubscriptionWire,
  phase: 'start' | 'stop',
): SourceEvent {
  const who = sub.username || sub.hostname || 'someone';
  const client = sub.client ? ` with ${sub.client}` : '';
  const channel = sub.channel ?? sub.service ?? 'a channel';
  return event(base, {
    id: `${base.sourceId}:sub:${sub.id}:${sub.start ?? 0}:${phase}`,
    type: `tvheadend.subscription.${phase}`,
    entity: { id: String(sub.id), name: channel, kind: 'subscription' },
    severity: 'info',
    title: phase === 'start' ? `${who} started watching ${channel}` : `${who} stopped watching ${channel}`,
    body: `${sub.title ?? 'Stream'}${client}${sub.hostname ? ` from ${sub.hostname}` : ''}`,
    data: prune({
      id: sub.id,
      username: sub.username,
      hostname: sub.hostname,
      client: sub.client,
      channel: sub.channel,
      service: sub.service,
      profile: sub.profile,
      title: sub.title,
      state: sub.state,
    }),
    raw: sub,
  });
}

export function diskEvent(
  base: EventBase,
  reading: DiskReading,
  thresholdGiB: number,
  clearGiB: number,
): SourceEvent {
  const low = reading.level === 'low';
  const of = reading.totalGiB !== undefined ? ` of ${reading.totalGiB} GiB` : '';
  return event(base, {
    id: `${base.sourceId}:disk:${reading.level}:${base.now}`,
    type: low ? 'tvheadend.disk.low' : 'tvheadend.disk.ok',
    entity: { id: 'dvr-storage', name: 'Recording storage', kind: 'disk' },
    severity: low ? 'warning' : 'info',
    title: low ? 'Recording disk is low on space' : 'Recording disk has space again',
    body: `${reading.freeGiB} GiB free${of} (${low ? 'below' : 'back above'} ${low ? thresholdGiB : clearGiB} GiB)`,
    data: prune({
      low,
      freeGiB: reading.freeGiB,
      totalGiB: reading.totalGiB,
      freePercent: reading.freePercent,
      thresholdGiB,
      clearGiB,
    }),
    raw: reading,
  });
}

export function logEvent(base: EventBase, line: LogLine, logtxt: string): SourceEvent {
  const subsystem = line.subsystem ?? 'tvheadend';
  return event(base, {
    id: `${base.sourceId}:log:${line.stamp ?? base.now}:${hashText(logtxt)}`,
    type: 'tvheadend.log.error',
    entity: { id: subsystem, name: subsystem, kind: 'log' },
    severity: 'warning',
    title: `Tvheadend ${subsystem} error`,
    body: line.text,
    data: prune({ subsystem: line.subsystem, text: line.text, stamp: line.stamp }),
    raw: { logtxt },
  });
}

export function epgDvrEvent(base: EventBase, eventId: string, epg: EpgEventWire | undefined): SourceEvent {
  const title = epg?.title ?? `EPG event ${eventId}`;
  const state = epg?.dvrState ?? 'unknown';
  return event(base, {
    id: `${base.sourceId}:epg:${eventId}:dvr_update:${state}:${epg?.dvrUuid ?? ''}`,
    type: 'tvheadend.epg.dvr_update',
    entity: { id: eventId, name: title, kind: 'epg-event' },
    severity: 'info',
    title: `Programme recording state: ${title}`,
    body: `${title}${epg?.channelName ? ` on ${epg.channelName}` : ''}: ${state}`,
    data: prune({
      eventId,
      title: epg?.title,
      subtitle: epg?.subtitle,
      channel: epg?.channelName,
      start: epg?.start,
      dvrUuid: epg?.dvrUuid,
      dvrState: epg?.dvrState,
    }),
    raw: epg ?? { eventId },
  });
}

function prune(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

/** Short, stable (FNV-1a) so the same log line replayed after a reconnect keeps its event id. */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}
