import type { HomeEvent } from '../../../shared/home-event';
import { AuthFailedError, type ConnectTarget } from '../../connection/types';
import type { SourceContext, SourceSession } from '../types';
import { ForbiddenError, TvhApi } from './api';
import { ChallengeError, HttpAuth } from './digest-auth';
import { DiskMonitor } from './disk-monitor';
import { DvrTracker, type DvrTransition } from './dvr-tracker';
import { LogErrorFilter } from './log-filter';
import { diskEvent, dvrEvent, epgDvrEvent, logEvent, subscriptionEvent, type EventBase } from './events';
import {
  DEFAULT_LOG_ERROR_PATTERN,
  parseFrame,
  parseLogLine,
  summariseFrame,
  type FrameSummary,
} from './normalise';
import type { TvheadendOptions } from './options';
import { COMET_PATH, COMET_SUBPROTOCOL, LOGIN_PATH, type DvrEntryWire } from './protocol';
import { SubscriptionTracker } from './subscription-tracker';
import { tvhUrls } from './urls';

export const NO_COMET_WS = 'this Tvheadend has no /comet/ws (4.2 or older); upgrade to 4.3+';

/** Entries that finished longer ago than this and show up unannounced are old news, not events. */
const STALE_FINISH_S = 15 * 60;

/**
 * One connection's worth of Tvheadend: Digest on the upgrade, mailbox (`boxid`) reuse across reconnects,
 * and REST look-ups that turn the comet invalidations into transitions. Frames are handled one at a time,
 * in order, so a slow look-up cannot reorder what happened.
 */
export class TvheadendSession implements SourceSession {
  readonly heartbeat = { intervalMs: 20_000, timeoutMs: 15_000 };
  private readonly urls;
  private readonly auth: HttpAuth;
  private readonly api: TvhApi;
  private readonly dvr = new DvrTracker();
  private readonly subs: SubscriptionTracker;
  private readonly disk: DiskMonitor;
  private readonly logFilter: LogErrorFilter;
  private boxid: string | undefined;
  private requestedBoxid: string | undefined;
  private firstFrame = true;
  private dvrBaselined = false;
  /** A resync whose DVR read failed is owed: retried on a later frame, with a growing pause. */
  private resyncOwed = false;
  private resyncFailures = 0;
  private resyncRetryAt = 0;
  private subsBaselined = false;
  private admin: boolean | undefined;
  private address: string | undefined;
  private readonly warned = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly ctx: SourceContext<TvheadendOptions>) {
    const o = ctx.options;
    this.urls = tvhUrls(ctx.config.url);
    this.auth = new HttpAuth(o.username, ctx.secrets.password ?? '', o.auth);
    this.api = new TvhApi(ctx.http, this.urls.http, this.auth);
    this.subs = new SubscriptionTracker(o.includeInternalStreams);
    this.disk = new DiskMonitor(o.diskLowGiB);
    this.logFilter = new LogErrorFilter(new RegExp(o.logErrorPattern ?? DEFAULT_LOG_ERROR_PATTERN, 'i'));
  }

  async prepare(): Promise<ConnectTarget> {
    this.requestedBoxid = this.boxid;
    const query = this.boxid ? `?boxid=${encodeURIComponent(this.boxid)}` : '';
    // An unauthenticated GET costs one 401 (logged by Tvheadend at DEBUG only) and yields a fresh nonce,
    // so the upgrade never meets an expired one; a 404 here means the server predates the WebSocket.
    const probe = await this.ctx.http.request({
      url: `${this.urls.http}${COMET_PATH}`,
      method: 'GET',
      timeoutMs: 10_000,
    });
    if (probe.status === 404) throw new Error(NO_COMET_WS);
    let challenged = probe.status === 401 ? probe : undefined;
    if (!challenged && this.auth.hasCredentials) {
      // No challenge: the server grants anonymous access (an access entry for "*"), and sending nothing
      // would silently run with those (usually lesser) rights. /login answers any request without
      // credentials with 401 + challenge (src/webui/webui.c page_login), so the configured account is used.
      const login = await this.ctx.http.request({
        url: `${this.urls.http}${LOGIN_PATH}`,
        method: 'GET',
        timeoutMs: 10_000,
      });
      if (login.status === 401) challenged = login;
      else if (!this.warned.has('login')) {
        this.warned.add('login');
        this.ctx.log.warn(
          `tvheadend: the server asked for no credentials and ${LOGIN_PATH} answered HTTP ${login.status}; connecting without them`,
        );
      }
    }
    const headers: Record<string, string> = {};
    if (challenged) {
      try {
        this.auth.accept(challenged.headers['www-authenticate']);
      } catch (err) {
        if (err instanceof ChallengeError) throw new AuthFailedError(err.message, err.hint);
        throw err;
      }
      const authorization = this.auth.header('GET', `${new URL(this.urls.ws).pathname}${query}`);
      if (authorization) headers.Authorization = authorization;
    }
    return { url: `${this.urls.ws}${query}`, headers, protocols: [COMET_SUBPROTOCOL] };
  }

  onOpen(): void {
    this.firstFrame = true;
  }

  onText(text: string): void {
    const summary = summariseFrame(parseFrame(text));
    // Decided here, not in the queue, so a reconnect racing queued work still asks for the right mailbox.
    let resync = false;
    if (summary.boxid !== undefined && this.firstFrame) {
      this.firstFrame = false;
      resync = this.requestedBoxid === undefined || summary.boxid !== this.requestedBoxid;
      this.boxid = summary.boxid;
    }
    this.queue = this.queue
      .then(() => (this.disposed ? undefined : this.handle(summary, resync)))
      .catch((err: unknown) => this.ctx.log.warn(`tvheadend: could not handle a frame: ${describe(err)}`));
  }

  dispose(): void {
    this.disposed = true;
  }

  private base(): EventBase {
    return {
      sourceId: this.ctx.config.id,
      sourceKind: 'tvheadend',
      webUrl: this.urls.web,
      now: this.ctx.now(),
    };
  }

  private emit(events: HomeEvent[]): void {
    if (events.length > 0 && !this.disposed) this.ctx.emit(events);
  }

  private emitDvr(transitions: DvrTransition[]): void {
    const base = this.base();
    this.emit(transitions.map((t) => dvrEvent(base, t)));
  }

  private async handle(s: FrameSummary, resync: boolean): Promise<void> {
    if (s.access) {
      if (s.access.admin !== undefined) this.admin = s.access.admin === 1;
      if (s.access.address) this.address = s.access.address;
    }
    // A new mailbox lost whatever was queued for the old one: read the whole state and diff it.
    if (resync || (this.resyncOwed && this.ctx.now() >= this.resyncRetryAt)) await this.resync();
    const free = s.disk?.freediskspace ?? s.access?.freediskspace;
    if (free !== undefined) this.checkDisk(free, s.disk?.totaldiskspace ?? s.access?.totaldiskspace);
    this.handleLogs(s.logLines);
    if (s.dvrChanged.length > 0) {
      const staleBefore = Math.floor(this.ctx.now() / 1000) - STALE_FINISH_S;
      const entries = await this.loadDvr(s.dvrChanged);
      this.emitDvr(entries.flatMap((e) => this.dvr.observe(e, { staleBefore })));
    }
    this.emitDvr(s.dvrDeleted.flatMap((uuid) => this.dvr.remove(uuid)));
    if (s.subscriptionsChanged) await this.refreshSubscriptions();
    for (const id of s.epgDvrUpdates) await this.epgUpdate(id);
  }

  private async resync(): Promise<void> {
    try {
      const all = await this.api.dvrGrid();
      this.resyncOwed = false;
      this.resyncFailures = 0;
      this.emitDvr(this.dvr.reconcile(all, { silent: !this.dvrBaselined }));
      this.dvrBaselined = true;
    } catch (err) {
      this.lookupFailed('dvr', err);
      // A passing failure (timeout, 5xx) must not lose what changed while the mailbox was gone; missing
      // rights will not pass, and retrying them would only add refusals to the server's log.
      if (!(err instanceof ForbiddenError) && !(err instanceof AuthFailedError)) {
        this.resyncOwed = true;
        this.resyncFailures += 1;
        this.resyncRetryAt = this.ctx.now() + Math.min(60_000, 1_000 * 2 ** this.resyncFailures);
      }
    }
    await this.refreshSubscriptions();
  }

  private async loadDvr(uuids: string[]): Promise<DvrEntryWire[]> {
    try {
      return await this.api.loadDvr(uuids);
    } catch (err) {
      if (!(err instanceof ForbiddenError) || uuids.length === 1) {
        this.lookupFailed('dvr', err);
        return [];
      }
    }
    // One forbidden uuid fails the whole batch: fetch one by one to keep the ones we may read.
    const out: DvrEntryWire[] = [];
    for (const uuid of uuids) out.push(...(await this.loadDvr([uuid])));
    return out;
  }

  private async refreshSubscriptions(): Promise<void> {
    if (this.admin === false) {
      if (!this.warned.has('subs-info')) {
        this.warned.add('subs-info');
        this.ctx.log.info(
          'tvheadend: streaming events need an admin account; not reading /api/status/subscriptions',
        );
      }
      return;
    }
    if (this.warned.has('subs')) return;
    try {
      const list = await this.api.subscriptions();
      const { started, stopped } = this.subs.update(list, !this.subsBaselined);
      this.subsBaselined = true;
      const base = this.base();
      this.emit([
        ...started.map((sub) => subscriptionEvent(base, sub, 'start')),
        ...stopped.map((sub) => subscriptionEvent(base, sub, 'stop')),
      ]);
    } catch (err) {
      this.lookupFailed('subs', err);
    }
  }

  private checkDisk(freeBytes: number, totalBytes: number | undefined): void {
    const reading = this.disk.update(freeBytes, totalBytes);
    if (reading)
      this.emit([diskEvent(this.base(), reading, this.ctx.options.diskLowGiB, this.disk.clearGiB)]);
  }

  private handleLogs(lines: string[]): void {
    if (!this.ctx.options.logErrors || lines.length === 0) return;
    const base = this.base();
    const events: HomeEvent[] = [];
    for (const logtxt of lines) {
      const line = parseLogLine(logtxt);
      if (this.logFilter.accept(line, logtxt, this.address, base.now))
        events.push(logEvent(base, line, logtxt));
    }
    this.emit(events);
  }

  private async epgUpdate(eventId: string): Promise<void> {
    let epg;
    try {
      epg = await this.api.epgEvent(eventId);
    } catch (err) {
      this.ctx.log.debug(`tvheadend: EPG event ${eventId} lookup failed: ${describe(err)}`);
    }
    this.emit([epgDvrEvent(this.base(), eventId, epg)]);
  }

  private lookupFailed(what: 'dvr' | 'subs', err: unknown): void {
    if (err instanceof ForbiddenError) {
      if (this.warned.has(what)) return;
      this.warned.add(what);
      if (what === 'dvr') {
        this.ctx.warn(
          'the Tvheadend account may not read some recordings',
          'give it DVR rights "all" (others\' recordings) and "failed" (failed recordings) in Configuration → Users → Access Entries',
        );
      } else {
        this.ctx.warn(
          'the Tvheadend account may not read who is streaming',
          'streaming events need an account with admin rights',
        );
      }
      return;
    }
    if (err instanceof AuthFailedError) {
      this.ctx.warn(err.message, err.hint);
      return;
    }
    this.ctx.log.warn(
      `tvheadend: ${what === 'dvr' ? 'DVR' : 'subscription'} look-up failed: ${describe(err)}`,
    );
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
