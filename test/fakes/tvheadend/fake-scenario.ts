import type { CometHub } from './fake-comet';
import { CHANNEL_NAME, CHANNEL_UUID, logStamp, nowS, type FakeDvrEntry, type FakeState } from './fake-state';

/**
 * What tests (and the demo CLI) do to the fake server, each step producing the notifications and log
 * lines the real server produces for it (recorded in the protocol note §9.3–9.6).
 */
export class FakeScenario {
  private readonly recorderSubs = new Map<string, number>();
  private nextEventId = 100;

  constructor(
    private readonly state: FakeState,
    private readonly comet: CometHub,
  ) {}

  log(text: string): void {
    this.comet.broadcast({ notificationClass: 'logmessage', logtxt: `${logStamp()} ${text}` }, true);
  }

  /** Per flush tick: the admin-only per-second subscription objects (byte counters, not news). */
  tick(): void {
    for (const sub of this.state.subs.values()) {
      this.comet.toAttachedAdmins({ ...sub, updateEntry: 1, notificationClass: 'subscriptions' });
    }
  }

  private entry(uuid: string): FakeDvrEntry {
    const entry = this.state.dvr.get(uuid);
    if (!entry) throw new Error(`no DVR entry ${uuid}`);
    return entry;
  }

  private changed(uuid: string): void {
    this.comet.broadcast({ change: [uuid], notificationClass: 'dvrentry' });
  }

  private subsReload(): void {
    this.comet.broadcast({ reload: 1, notificationClass: 'subscriptions' });
  }

  createEntry(init: {
    title: string;
    subtitle?: string;
    start?: number;
    stop?: number;
    owner?: string;
    autorec?: string;
  }): string {
    const e = this.state.newEntry({
      disp_title: init.title,
      disp_subtitle: init.subtitle ?? '',
      start: init.start,
      stop: init.stop,
      owner: init.owner ?? '',
      autorec: init.autorec ?? '',
    });
    this.log(
      `dvr: entry ${e.uuid} "${e.disp_title}" on "${e.channelname}" starting at ${logStamp(new Date(e.start * 1000))}, scheduled for recording by "127.0.0.1"`,
    );
    this.comet.broadcast({ create: [e.uuid], change: [e.uuid], notificationClass: 'dvrentry' });
    return e.uuid;
  }

  startRecording(uuid: string, status = 'Running'): void {
    const e = this.entry(uuid);
    Object.assign(e, { sched_status: 'recording', status, errorcode: 0, start_real: nowS() });
    e.filename = `/recordings/${e.disp_title}.ts`;
    const sub = this.state.newSubscription({ title: `DVR: ${e.disp_title}`, username: '' });
    this.recorderSubs.set(uuid, sub.id);
    this.log(`dvr: "${e.disp_title}" on "${e.channelname}" recorder starting`);
    this.subsReload();
    this.changed(uuid);
  }

  /** The every-5-seconds change while recording: bytes move, the state does not. */
  progress(uuid: string, bytes = 400_000): void {
    const e = this.entry(uuid);
    e.filesize += bytes;
    this.state.usedBytes += bytes;
    this.state.freeBytes -= bytes;
    this.changed(uuid);
  }

  recordingError(uuid: string, errorcode = 209, status = 'Waiting for stream'): void {
    const e = this.entry(uuid);
    Object.assign(e, { sched_status: 'recordingError', status, errorcode, errors: e.errors + 1 });
    this.log(
      `subscription: 0001: No input source available for subscription "DVR: ${e.disp_title}" to channel "${e.channelname}"`,
    );
    this.log(`dvr: Recording unable to start: "${e.disp_title}": No assigned adapters`);
    this.changed(uuid);
  }

  complete(uuid: string): void {
    this.finish(uuid, { sched_status: 'completed', status: 'Completed OK', errorcode: 0 });
  }

  fail(uuid: string, how: { status?: string; errorcode?: number; sched?: string } = {}): void {
    this.finish(uuid, {
      sched_status: how.sched ?? 'completedError',
      status: how.status ?? 'File missing',
      errorcode: how.errorcode ?? 0,
    });
  }

  private finish(uuid: string, patch: Partial<FakeDvrEntry>): void {
    const e = this.entry(uuid);
    Object.assign(e, patch, { stop_real: nowS() });
    const subId = this.recorderSubs.get(uuid);
    if (subId !== undefined) this.state.subs.delete(subId);
    this.recorderSubs.delete(uuid);
    this.log(`dvr: "${e.disp_title}" on "${e.channelname}": End of program: ${e.status}`);
    this.subsReload();
    this.changed(uuid);
  }

  removeEntry(uuid: string): void {
    const e = this.entry(uuid);
    this.state.dvr.delete(uuid);
    this.log(
      `dvr: delete entry ${uuid} "${e.disp_title}" on "${e.channelname}" start time ${logStamp(new Date(e.start * 1000))}, scheduled for recording by "127.0.0.1", retention "On file removal" removal "Forever"`,
    );
    this.comet.broadcast({ delete: [uuid], notificationClass: 'dvrentry' });
  }

  startSubscription(
    init: { username?: string; hostname?: string; client?: string; channel?: string; title?: string } = {},
  ): number {
    const sub = this.state.newSubscription({
      username: init.username ?? 'viewer',
      hostname: init.hostname ?? '127.0.0.1',
      client: init.client ?? 'TestPlayer/1.0',
      channel: init.channel ?? CHANNEL_NAME,
      title: init.title ?? 'HTTP',
    });
    this.comet.broadcast({ reload: 1, notificationClass: 'connections' });
    this.subsReload();
    this.log(
      `subscription: ${String(sub.id).padStart(4, '0')}: "${sub.title}" subscribing on channel "${sub.channel}", weight: 100, adapter: "IPTV #1", network: "Local IPTV", mux: "Local Test Mux", provider: "FFmpeg", service: "TestSvc", profile="pass", hostname="${sub.hostname}", username="${sub.username}", client="${sub.client}"`,
    );
    return sub.id;
  }

  stopSubscription(id: number): void {
    const sub = this.state.subs.get(id);
    if (!sub) return;
    this.state.subs.delete(id);
    this.log(
      `subscription: ${String(id).padStart(4, '0')}: "${sub.title}" unsubscribing from "${sub.channel}", hostname="${sub.hostname}", username="${sub.username}", client="${sub.client}"`,
    );
    this.subsReload();
    this.comet.broadcast({ reload: 1, notificationClass: 'connections' });
  }

  /** Free space as the next diskspaceUpdate will report it. */
  setFreeSpace(bytes: number): void {
    this.state.freeBytes = bytes;
  }

  /** EPG event + `dvr/entry/create_by_event` (§9.6). */
  scheduleByEvent(title: string, subtitle?: string): { eventId: number; uuid: string } {
    const eventId = this.nextEventId++;
    const start = nowS() + 3600;
    const e = this.state.newEntry({
      disp_title: title,
      disp_subtitle: subtitle ?? '',
      start,
      stop: start + 1800,
      broadcast: eventId,
    });
    this.state.epg.set(eventId, {
      eventId,
      channelName: CHANNEL_NAME,
      channelUuid: CHANNEL_UUID,
      channelNumber: '1',
      start,
      stop: start + 1800,
      title,
      subtitle,
      dvrUuid: e.uuid,
      dvrState: 'scheduled',
    });
    this.comet.broadcast({ create: [e.uuid], notificationClass: 'dvrentry' });
    this.comet.broadcast({ dvr_update: [String(eventId)], notificationClass: 'epg' });
    this.changed(e.uuid);
    return { eventId, uuid: e.uuid };
  }
}
