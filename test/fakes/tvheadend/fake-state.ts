import { randomBytes } from 'node:crypto';
import type { FakeUser } from './fake-auth';

/** What the fake server knows; survives a restart (mailboxes do not). Shapes follow the recorded API answers. */

export interface FakeDvrEntry {
  uuid: string;
  disp_title: string;
  disp_subtitle: string;
  channel: string;
  channelname: string;
  status: string;
  sched_status: string;
  errorcode: number;
  errors: number;
  data_errors: number;
  start: number;
  stop: number;
  start_real: number;
  stop_real: number;
  filename: string;
  filesize: number;
  owner: string;
  creator: string;
  autorec: string;
  broadcast: number;
  enabled: boolean;
  comment: string;
}

export interface FakeSubscription {
  id: number;
  start: number;
  errors: number;
  state: string;
  hostname?: string;
  username?: string;
  client?: string;
  title: string;
  channel: string;
  service: string;
  profile: string;
  in: number;
  out: number;
  total_in: number;
  total_out: number;
}

export interface FakeEpgEvent {
  eventId: number;
  channelName: string;
  channelUuid: string;
  channelNumber: string;
  start: number;
  stop: number;
  title: string;
  subtitle?: string;
  description?: string;
  dvrUuid?: string;
  dvrState?: string;
}

export const CHANNEL_UUID = '2a813d3acc8ad1f283c8c018c44da38d';
export const CHANNEL_NAME = 'Test Channel';
const FAILED = new Set(['completedError', 'completedWarning', 'completedRerecord']);

export const newUuid = (): string => randomBytes(16).toString('hex');
export const nowS = (): number => Math.floor(Date.now() / 1000);

export class FakeState {
  readonly dvr = new Map<string, FakeDvrEntry>();
  readonly subs = new Map<number, FakeSubscription>();
  readonly epg = new Map<number, FakeEpgEvent>();
  freeBytes = 82966392832;
  totalBytes = 270553174016;
  usedBytes = 0;
  private nextSubId = 1;

  newEntry(given: Partial<FakeDvrEntry> & { disp_title: string }): FakeDvrEntry {
    const init = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as typeof given;
    const start = init.start ?? nowS() + 3600;
    const stop = init.stop ?? start + 1800;
    const entry: FakeDvrEntry = {
      uuid: newUuid(),
      disp_subtitle: '',
      channel: CHANNEL_UUID,
      channelname: CHANNEL_NAME,
      status: 'Scheduled for recording',
      sched_status: 'scheduled',
      errorcode: 0,
      errors: 0,
      data_errors: 0,
      start,
      stop,
      start_real: start - 30,
      stop_real: stop,
      filename: '',
      filesize: 0,
      owner: '',
      creator: '127.0.0.1',
      autorec: '',
      broadcast: 0,
      enabled: true,
      comment: '',
      ...init,
    };
    this.dvr.set(entry.uuid, entry);
    return entry;
  }

  newSubscription(init: Partial<FakeSubscription>): FakeSubscription {
    const sub: FakeSubscription = {
      id: this.nextSubId++,
      start: nowS(),
      errors: 0,
      state: 'Running',
      title: 'HTTP',
      channel: CHANNEL_NAME,
      service: 'IPTV #1/Local IPTV/Local Test Mux/TestSvc',
      profile: 'pass',
      in: 0,
      out: 0,
      total_in: 0,
      total_out: 0,
      ...init,
    };
    this.subs.set(sub.id, sub);
    return sub;
  }

  /** `dvr_entry_verify`: own entries always; others' need dvr "all"; failed ones need dvr "failed". */
  maySee(user: FakeUser, entry: FakeDvrEntry): boolean {
    if (user.admin) return true;
    if (entry.owner !== user.username && !user.dvrAll) return false;
    if (FAILED.has(entry.sched_status) && !user.dvrFailed) return false;
    return true;
  }
}

/** `idnode/load` without `grid=1`: the verbose per-property form. */
export function verboseEntry(entry: FakeDvrEntry, fields: string[]): Record<string, unknown> {
  const values = entry as unknown as Record<string, unknown>;
  return {
    uuid: entry.uuid,
    id: entry.uuid,
    text: entry.disp_title,
    caption: 'Digital Video Recorder',
    class: 'dvrentry',
    event: 'dvrentry',
    params: fields.map((id) => ({
      id,
      type: typeof values[id] === 'number' ? 'u32' : 'str',
      value: values[id],
    })),
  };
}

export function pick(entry: object, fields: string[] | undefined): Record<string, unknown> {
  const values = entry as Record<string, unknown>;
  if (!fields) return { ...values };
  const out: Record<string, unknown> = { uuid: values.uuid };
  for (const f of fields) if (f in values) out[f] = values[f];
  return out;
}

export function logStamp(d = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
