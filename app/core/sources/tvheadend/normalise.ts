import type {
  AccessUpdate,
  CometFrame,
  CometMessage,
  DiskspaceUpdate,
  DvrEntryWire,
  EpgEventWire,
  SubscriptionWire,
} from './protocol';

/** What one comet frame asks Herald to do, with duplicates merged (one frame may repeat a class). */
export interface FrameSummary {
  boxid?: string;
  access?: AccessUpdate;
  /** DVR uuids created or changed: to be looked up. */
  dvrChanged: string[];
  dvrDeleted: string[];
  /** A subscription started or ended somewhere (`subscriptions`/`connections` reload). */
  subscriptionsChanged: boolean;
  /** The last disk numbers in the frame. */
  disk?: DiskspaceUpdate;
  logLines: string[];
  /** EPG event ids whose recording state changed. */
  epgDvrUpdates: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String)
    : [];
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads one frame (JSON-decoded by the frame pipeline); throws with a short reason when it is not a comet envelope. */
export function parseFrame(value: unknown): CometFrame {
  if (!isObject(value) || !Array.isArray(value.messages)) throw new Error('frame has no "messages" array');
  const messages = value.messages.filter(
    (m): m is CometMessage => isObject(m) && typeof m.notificationClass === 'string',
  );
  const boxid = typeof value.boxid === 'string' ? value.boxid : undefined;
  return boxid === undefined ? { messages } : { boxid, messages };
}

export function summariseFrame(frame: CometFrame): FrameSummary {
  const changed = new Set<string>();
  const deleted = new Set<string>();
  const epg = new Set<string>();
  const summary: FrameSummary = {
    dvrChanged: [],
    dvrDeleted: [],
    subscriptionsChanged: false,
    logLines: [],
    epgDvrUpdates: [],
  };
  if (frame.boxid !== undefined) summary.boxid = frame.boxid;
  for (const m of frame.messages) {
    switch (m.notificationClass) {
      case 'accessUpdate':
        summary.access = accessFrom(m);
        break;
      case 'dvrentry':
        for (const u of [...strings(m.create), ...strings(m.change)]) changed.add(u);
        for (const u of strings(m.delete)) {
          deleted.add(u);
          changed.delete(u);
        }
        break;
      case 'subscriptions':
      case 'connections':
        // Per-second `updateEntry` objects (admin only) are byte counters, not starts or stops.
        if (m.reload !== undefined) summary.subscriptionsChanged = true;
        break;
      case 'diskspaceUpdate': {
        const free = num(m.freediskspace);
        if (free !== undefined) {
          summary.disk = {
            freediskspace: free,
            useddiskspace: num(m.useddiskspace),
            totaldiskspace: num(m.totaldiskspace),
          };
        }
        break;
      }
      case 'logmessage': {
        const line = str(m.logtxt);
        if (line) summary.logLines.push(line);
        break;
      }
      case 'epg':
        for (const id of strings(m.dvr_update)) epg.add(id);
        break;
      default:
        break;
    }
  }
  summary.dvrChanged = [...changed];
  summary.dvrDeleted = [...deleted];
  summary.epgDvrUpdates = [...epg];
  return summary;
}

function accessFrom(m: CometMessage): AccessUpdate {
  const access: AccessUpdate = {
    username: str(m.username),
    address: str(m.address),
    admin: num(m.admin),
    dvr: num(m.dvr),
    time: num(m.time),
  };
  const free = num(m.freediskspace);
  if (free !== undefined) {
    access.freediskspace = free;
    access.useddiskspace = num(m.useddiskspace);
    access.totaldiskspace = num(m.totaldiskspace);
  }
  return access;
}

/** Entries of an `idnode/load` or grid answer, flat (`grid=1`) or verbose (`params:[{id,value}]`). */
export function dvrEntriesFrom(body: unknown): DvrEntryWire[] {
  if (!isObject(body) || !Array.isArray(body.entries)) return [];
  const out: DvrEntryWire[] = [];
  for (const raw of body.entries) {
    if (!isObject(raw) || typeof raw.uuid !== 'string') continue;
    const flat: Record<string, unknown> = { ...raw };
    if (Array.isArray(raw.params)) {
      for (const p of raw.params) if (isObject(p) && typeof p.id === 'string') flat[p.id] = p.value;
    }
    out.push({
      uuid: raw.uuid,
      disp_title: str(flat.disp_title),
      disp_subtitle: str(flat.disp_subtitle),
      channelname: str(flat.channelname),
      status: str(flat.status),
      sched_status: str(flat.sched_status),
      errorcode: num(flat.errorcode),
      errors: num(flat.errors),
      data_errors: num(flat.data_errors),
      start: num(flat.start),
      stop: num(flat.stop),
      start_real: num(flat.start_real),
      stop_real: num(flat.stop_real),
      filename: str(flat.filename),
      filesize: num(flat.filesize),
      owner: str(flat.owner),
      creator: str(flat.creator),
      autorec: str(flat.autorec),
      broadcast: num(flat.broadcast),
    });
  }
  return out;
}

export function subscriptionsFrom(body: unknown): SubscriptionWire[] {
  if (!isObject(body) || !Array.isArray(body.entries)) return [];
  const out: SubscriptionWire[] = [];
  for (const e of body.entries) {
    if (!isObject(e) || num(e.id) === undefined) continue;
    out.push({
      id: e.id as number,
      start: num(e.start),
      errors: num(e.errors),
      state: str(e.state),
      hostname: str(e.hostname),
      username: str(e.username),
      client: str(e.client),
      title: str(e.title),
      channel: str(e.channel),
      service: str(e.service),
      profile: str(e.profile),
    });
  }
  return out;
}

export function epgEventFrom(body: unknown): EpgEventWire | undefined {
  if (!isObject(body) || !Array.isArray(body.entries)) return undefined;
  const e: unknown = body.entries[0];
  if (!isObject(e) || num(e.eventId) === undefined) return undefined;
  return {
    eventId: e.eventId as number,
    channelName: str(e.channelName),
    title: str(e.title),
    subtitle: str(e.subtitle),
    start: num(e.start),
    stop: num(e.stop),
    dvrUuid: str(e.dvrUuid),
    dvrState: str(e.dvrState),
  };
}

/** Tvheadend's own streaming users: recorder, EPG grabber, scanner, service mapper. Not "someone watching". */
export function isInternalSubscription(sub: SubscriptionWire): boolean {
  const title = sub.title ?? '';
  return /^(DVR: |epggrab$|scan$|service mapper$|Service mapper$|mpegts scan)/.test(title) || title === '';
}

export interface LogLine {
  /** "2026-11-22 11:50:19.732" as the server wrote it (server local time, no zone). */
  stamp?: string;
  subsystem?: string;
  text: string;
}

/** `logtxt` is "YYYY-MM-DD HH:MM:SS.mmm subsystem: text" and carries no severity. */
export function parseLogLine(logtxt: string): LogLine {
  const m = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?) ([\w-]+): (.*)$/s.exec(logtxt);
  if (!m) return { text: logtxt };
  return { stamp: m[1], subsystem: m[2], text: m[3]! };
}

/**
 * Lines that read like errors. The server sends INFO and above without a level, so this is text matching
 * (the lines the protocol note lists as good triggers, plus the usual failure words).
 */
export const DEFAULT_LOG_ERROR_PATTERN =
  "Recording error|Recording unable to start|No input source|-- [45]\\d\\d\\b|\\b(error|errors|failed|failure|unable to|cannot|can't|timed? ?out|no space|not found)\\b";
