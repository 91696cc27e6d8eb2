import type { SourceEvent } from '../types';
import { makeEvent } from './event-factory';
import type { EventContext } from './event-factory';
import { webLink } from './flavours';
import { itemLabel } from './items';
import type { NowPlayingItem, SessionInfo } from './protocol';
import { isRecord, str } from './protocol';

/** What one session is playing, reduced to what a start/stop/pause diff needs. */
export interface Playing {
  sessionId: string;
  userName: string;
  deviceName: string;
  client: string;
  itemId: string;
  item: NowPlayingItem;
  paused: boolean;
}

export type PlayingMap = Map<string, Playing>;
export type PlaybackChange = { change: 'start' | 'stop' | 'pause' | 'resume'; playing: Playing };

/** Sessions that play something real (theme music and Herald's own session do not count). */
export function playingFrom(sessions: unknown, ignoreDeviceId?: string): PlayingMap {
  const map: PlayingMap = new Map();
  if (!Array.isArray(sessions)) return map;
  for (const raw of sessions) {
    if (!isRecord(raw)) continue;
    const s = raw as SessionInfo;
    if (typeof s.Id !== 'string' || (ignoreDeviceId && s.DeviceId === ignoreDeviceId)) continue;
    const item = isRecord(s.NowPlayingItem) ? (s.NowPlayingItem as NowPlayingItem) : undefined;
    if (!item || item.IsThemeMedia === true) continue;
    map.set(s.Id, {
      sessionId: s.Id,
      userName: str(s.UserName) ?? 'Someone',
      deviceName: str(s.DeviceName) ?? str(s.Client) ?? 'a device',
      client: str(s.Client) ?? '',
      itemId: str(item.Id) ?? str(item.Name) ?? '?',
      item,
      paused: s.PlayState?.IsPaused === true,
    });
  }
  return map;
}

/** Who started, stopped, paused or resumed what between two snapshots (item change = stop + start). */
export function diffPlaying(before: PlayingMap, after: PlayingMap): PlaybackChange[] {
  const changes: PlaybackChange[] = [];
  for (const [id, old] of before) {
    const now = after.get(id);
    if (!now || now.itemId !== old.itemId) changes.push({ change: 'stop', playing: old });
  }
  for (const [id, now] of after) {
    const old = before.get(id);
    if (!old || old.itemId !== now.itemId) changes.push({ change: 'start', playing: now });
    else if (old.paused !== now.paused)
      changes.push({ change: now.paused ? 'pause' : 'resume', playing: now });
  }
  return changes;
}

const verbs = { start: 'is playing', stop: 'stopped', pause: 'paused', resume: 'resumed' } as const;

export function playbackEvent(ctx: EventContext, c: PlaybackChange, seq: number): SourceEvent {
  const p = c.playing;
  const label = itemLabel(p.item);
  return makeEvent(ctx, {
    key: `playback:${p.sessionId}:${p.itemId}:${c.change}:${ctx.now}:${seq}`,
    type: `emby.playback.${c.change}`,
    title: `${p.userName} ${verbs[c.change]} ${label}`,
    body: `on ${p.deviceName}`,
    entity: { id: p.sessionId, name: `${p.userName} on ${p.deviceName}`, kind: 'session' },
    url: webLink(ctx.flavour, ctx.base, p.itemId),
    data: {
      user: p.userName,
      device: p.deviceName,
      client: p.client,
      itemId: p.itemId,
      itemName: p.item.Name ?? null,
      itemType: p.item.Type ?? null,
      seriesName: p.item.SeriesName ?? null,
      label,
      paused: p.paused,
    },
    raw: { change: c.change, session: p.sessionId, NowPlayingItem: p.item },
  });
}

/**
 * Holds the last snapshot. The first one after start is a silent baseline; later ones (pushes, and the
 * `GET /Sessions` after a reconnect) report only real differences, so a reconnect brings no burst.
 */
export class PlaybackTracker {
  private last: PlayingMap | undefined;
  private seq = 0;

  constructor(private readonly ignoreDeviceId?: string) {}

  update(sessions: unknown, ctx: EventContext): SourceEvent[] {
    // Not a list (junk push, empty REST answer): no snapshot at all, not "nobody is playing".
    if (!Array.isArray(sessions)) return [];
    const next = playingFrom(sessions, this.ignoreDeviceId);
    const before = this.last;
    this.last = next;
    if (!before) return [];
    return diffPlaying(before, next).map((c) => playbackEvent(ctx, c, this.seq++));
  }
}
