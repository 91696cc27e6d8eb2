import { isInternalSubscription } from './normalise';
import type { SubscriptionWire } from './protocol';

/**
 * Diffs `/api/status/subscriptions` by id: the comet stream only says "something started or stopped"
 * (`subscriptions` reload), so who, which channel and which client come from the list.
 */
export class SubscriptionTracker {
  private known = new Map<number, SubscriptionWire>();

  constructor(private readonly includeInternal: boolean) {}

  update(
    list: SubscriptionWire[],
    silent: boolean,
  ): { started: SubscriptionWire[]; stopped: SubscriptionWire[] } {
    const current = new Map<number, SubscriptionWire>();
    for (const sub of list)
      if (this.includeInternal || !isInternalSubscription(sub)) current.set(sub.id, sub);
    const started = [...current.values()].filter((s) => !this.known.has(s.id));
    const stopped = [...this.known.values()].filter((s) => !current.has(s.id));
    this.known = current;
    return silent ? { started: [], stopped: [] } : { started, stopped };
  }
}
