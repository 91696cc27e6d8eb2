import { AuthFailedError } from '../../connection/types';
import type { SourceContext, SourceEvent } from '../types';
import { ForbiddenError, type TvhApi } from './api';
import { DvrTracker, type DvrTransition } from './dvr-tracker';
import { dvrEvent, subscriptionEvent, type EventBase } from './events';
import type { TvheadendOptions } from './options';
import type { DvrEntryWire } from './protocol';
import { SubscriptionTracker } from './subscription-tracker';

/** Entries that finished longer ago than this and show up unannounced are old news, not events. */
const STALE_FINISH_S = 15 * 60;

/**
 * The REST side of a Tvheadend session: comet frames only say *that* a recording or a subscription
 * changed; these look-ups read what it became and turn it into transitions. Missing rights are said
 * once, in words, instead of failing every frame.
 */
export class TvheadendLookups {
  private readonly dvr = new DvrTracker();
  private readonly subs: SubscriptionTracker;
  private dvrBaselined = false;
  private subsBaselined = false;
  /** A resync whose DVR read failed is owed: retried on a later frame, with a growing pause. */
  private resyncOwed = false;
  private resyncFailures = 0;
  private resyncRetryAt = 0;
  private readonly warned = new Set<string>();
  /** From the comet `accessUpdate`: false means no admin rights, so no subscription reads. */
  admin: boolean | undefined;

  constructor(
    private readonly ctx: SourceContext<TvheadendOptions>,
    private readonly api: TvhApi,
    private readonly base: () => EventBase,
  ) {
    this.subs = new SubscriptionTracker(ctx.options.includeInternalStreams);
  }

  /** A resync is due now: the mailbox was replaced, or an owed one's pause is over. */
  resyncDue(mailboxReplaced: boolean): boolean {
    return mailboxReplaced || (this.resyncOwed && this.ctx.now() >= this.resyncRetryAt);
  }

  /** Reads the whole DVR list and diffs it, so what changed while the mailbox was gone is not lost. */
  async resync(): Promise<void> {
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

  async dvrChanged(uuids: string[]): Promise<void> {
    const staleBefore = Math.floor(this.ctx.now() / 1000) - STALE_FINISH_S;
    const entries = await this.loadDvr(uuids);
    this.emitDvr(entries.flatMap((e) => this.dvr.observe(e, { staleBefore })));
  }

  epgEvent(eventId: string) {
    return this.api.epgEvent(eventId);
  }

  dvrDeleted(uuids: string[]): void {
    this.emitDvr(uuids.flatMap((uuid) => this.dvr.remove(uuid)));
  }

  async refreshSubscriptions(): Promise<void> {
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
      this.ctx.emit([
        ...started.map((sub) => subscriptionEvent(base, sub, 'start')),
        ...stopped.map((sub) => subscriptionEvent(base, sub, 'stop')),
      ]);
    } catch (err) {
      this.lookupFailed('subs', err);
    }
  }

  private emitDvr(transitions: DvrTransition[]): void {
    const base = this.base();
    this.ctx.emit(transitions.map((t): SourceEvent => dvrEvent(base, t)));
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

export function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
