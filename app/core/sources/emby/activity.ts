import type { Severity } from '../../../shared/home-event';
import type { SourceEvent } from '../types';
import { makeEvent, snake } from './event-factory';
import type { EventContext } from './event-factory';
import { coalesced, createSerialQueue } from '../../async/serial-queue';
import { webLink } from './flavours';
import type { ActivityLogEntry, QueryResult } from './protocol';
import { isRecord, parseTime, str } from './protocol';

/** Herald's own footprint in the log: every reconnect with a user token adds SessionStarted/Ended. */
export interface OwnFootprint {
  deviceName: string;
  userId?: string;
  /** When Herald last signed in (its AuthenticationSucceeded entry is noise too). */
  signedInAt?: number;
}

const NAMES: Record<string, string> = {
  AuthenticationFailed: 'login_failed',
  UserLockedOut: 'user_locked_out',
  VideoPlayback: 'playback_start',
  AudioPlayback: 'playback_start',
  Playback: 'playback_start',
  VideoPlaybackStopped: 'playback_stop',
  AudioPlaybackStopped: 'playback_stop',
};

const WARNING_TYPES = new Set(['AuthenticationFailed', 'UserLockedOut', 'TaskFailed', 'InstallationFailed']);
const EMPTY_GUID = /^0+$/;

function severityOf(entry: ActivityLogEntry): Severity {
  if (WARNING_TYPES.has(entry.Type ?? '')) return 'warning';
  return /^(error|fatal|warn|warning|critical)$/i.test(entry.Severity ?? '') ? 'warning' : 'info';
}

export function isOwnEntry(entry: ActivityLogEntry, own: OwnFootprint): boolean {
  const sameUser = !own.userId || !entry.UserId || entry.UserId === own.userId;
  if (entry.Type === 'SessionStarted' || entry.Type === 'SessionEnded') {
    return sameUser && (entry.Name ?? '').includes(own.deviceName);
  }
  if (
    entry.Type === 'AuthenticationSucceeded' &&
    own.userId &&
    entry.UserId === own.userId &&
    own.signedInAt
  ) {
    return Math.abs(parseTime(entry.Date, 0) - own.signedInAt) < 60_000;
  }
  return false;
}

export function activityEvent(ctx: EventContext, entry: ActivityLogEntry): SourceEvent {
  const type = entry.Type ?? 'Unknown';
  const userId = entry.UserId && !EMPTY_GUID.test(entry.UserId) ? entry.UserId : undefined;
  const entity = entry.ItemId
    ? { id: entry.ItemId, name: entry.Name ?? entry.ItemId, kind: 'item' }
    : userId
      ? { id: userId, name: userId, kind: 'user' }
      : undefined;
  return makeEvent(ctx, {
    key: `activity:${entry.Id}`,
    type: `emby.activity.${(Object.hasOwn(NAMES, type) ? NAMES[type] : undefined) ?? (snake(type) || 'unknown')}`,
    title: entry.Name ?? type,
    body: entry.ShortOverview ?? entry.Overview ?? '',
    severity: severityOf(entry),
    time: parseTime(entry.Date, ctx.now),
    entity,
    url: entry.ItemId ? webLink(ctx.flavour, ctx.base, entry.ItemId) : undefined,
    data: {
      activityId: entry.Id,
      activityType: type,
      serverSeverity: entry.Severity ?? null,
      userId: userId ?? null,
      itemId: entry.ItemId ?? null,
      shortOverview: entry.ShortOverview ?? null,
      overview: entry.Overview ?? null,
    },
    raw: entry,
  });
}

/** Entries with a numeric Id; their text fields made strings (or left out), so no entry can fail its batch. */
function validEntries(result: QueryResult<ActivityLogEntry> | undefined): ActivityLogEntry[] {
  const items: unknown[] = isRecord(result) && Array.isArray(result.Items) ? result.Items : [];
  return items
    .filter(
      (e): e is Record<string, unknown> => isRecord(e) && typeof e.Id === 'number' && Number.isFinite(e.Id),
    )
    .map((e) => ({
      ...e,
      Id: e.Id as number,
      Name: str(e.Name),
      Overview: str(e.Overview),
      ShortOverview: str(e.ShortOverview),
      Type: str(e.Type),
      ItemId: str(e.ItemId),
      Date: typeof e.Date === 'string' ? e.Date : undefined,
      UserId: str(e.UserId),
      Severity: str(e.Severity),
    }));
}

export type FetchEntries = (query: string) => Promise<QueryResult<ActivityLogEntry>>;

const SEEN_LIMIT = 1000;

/**
 * The `ActivityLogEntry` push is only a signal (its Data is always []): fetch what is new since the cursor.
 * The cursor survives reconnects, so an outage is caught up and nothing is reported twice (dedupe by Id).
 * Runs are serialised; signals during a run fold into one follow-up run.
 */
export class ActivityTracker {
  private lastId: number | undefined;
  private lastDate: string | undefined;
  private seeded = false;
  private readonly seen = new Set<number>();
  private readonly run = coalesced(createSerialQueue(), async () => {
    try {
      const fresh = await this.runOnce();
      if (fresh.length > 0) this.onNew(fresh);
    } catch (err) {
      this.onError(err);
    }
  });

  constructor(
    private readonly fetch: FetchEntries,
    private readonly onNew: (entries: ActivityLogEntry[]) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Ask for a catch-up; resolves when the run that covers this request has finished. */
  sync(): Promise<void> {
    return this.run();
  }

  private async runOnce(): Promise<ActivityLogEntry[]> {
    if (!this.seeded) {
      // The newest entry only sets the cursor: history from before Herald started is not news.
      const newest = validEntries(await this.fetch('startIndex=0&limit=1'));
      for (const e of newest) this.advance(e);
      this.seeded = true;
      return [];
    }
    const query = new URLSearchParams({ startIndex: '0', limit: '100' });
    if (this.lastDate) query.set('minDate', this.lastDate);
    const entries = validEntries(await this.fetch(query.toString()))
      .filter((e) => (this.lastId === undefined || e.Id > this.lastId) && !this.seen.has(e.Id))
      .sort((a, b) => a.Id - b.Id);
    for (const e of entries) this.advance(e);
    return entries;
  }

  private advance(entry: ActivityLogEntry): void {
    this.seen.add(entry.Id);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value as number);
    if (this.lastId === undefined || entry.Id > this.lastId) {
      this.lastId = entry.Id;
      if (typeof entry.Date === 'string') this.lastDate = entry.Date;
    }
  }
}
