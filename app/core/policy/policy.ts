import type { HomeEvent } from '../../shared/home-event';
import type { Decision } from '../../shared/rules';
import { snoozedUntil } from '../../shared/snooze';
import { Coalescer } from './coalescer';
import {
  inQuietWindow,
  localMinutesOfDay,
  minutesOfDayIn,
  parseHhmm,
  type MinutesOfDay,
} from './quiet-hours';
import type { Policy, PolicySettings, SummaryNotification } from './types';

export interface PolicyOptions {
  /** Minutes since local midnight for an epoch ms; tests pass a fixed function. Wins over `timeZone`. */
  minutesOfDay?: MinutesOfDay;
  /** IANA zone for quiet hours; default the machine's. */
  timeZone?: string;
  /**
   * How reasons name a time ("snoozed until 2:30 PM"): default the locale's own format in `timeZone`, as
   * the rest of the UI shows times. With only `minutesOfDay` given (tests), HH:MM on that same clock.
   */
  formatClock?: (epochMs: number) => string;
}

const MINUTE = 60_000;
// Dedup memory is pruned by age anyway; the cap only stops a pathological window from holding everything.
const MAX_REMEMBERED = 10_000;

function formatAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`.replace(/ 0s$/, '');
}

function clock(ms: number, minutesOfDay: MinutesOfDay): string {
  const m = minutesOfDay(ms);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Remembers keys with the time they notified; forgets them once older than the window. */
class Recent {
  private readonly map = new Map<string, number>();
  /** How long ago `key` notified, if within `window`. */
  ago(key: string, now: number, window: number): number | undefined {
    for (const [k, t] of this.map) {
      if (now - t < window && this.map.size <= MAX_REMEMBERED) break;
      this.map.delete(k);
    }
    const t = this.map.get(key);
    return t !== undefined && now - t < window ? now - t : undefined;
  }
  remember(key: string, now: number): void {
    this.map.delete(key);
    this.map.set(key, now);
  }
}

/**
 * The notification policy applied after the rules. Order, and why:
 * 1. snooze and 2. quiet hours first: they are the user's explicit "not now", and what they hold back must
 *    not use up dedup memory, the rate budget or a burst;
 * 3. dedup next, so a replay after a reconnect neither counts toward the rate cap nor opens a burst;
 * 4. the rate cap before coalescing: it is the hard ceiling on what reaches the screen, and a summary
 *    should count only notifications that would otherwise really have shown;
 * 5. coalescing last, over what is left.
 * Every hold turns `notify` into `record` with the policy's reason in front of the rule's.
 */
export function createPolicy(initial: PolicySettings, options: PolicyOptions = {}): Policy {
  let settings = initial;
  const minutesOfDay =
    options.minutesOfDay ?? (options.timeZone ? minutesOfDayIn(options.timeZone) : localMinutesOfDay);
  const untilClock =
    options.formatClock ??
    (options.minutesOfDay
      ? (ms: number) => clock(ms, minutesOfDay)
      : (ms: number) =>
          new Intl.DateTimeFormat(undefined, {
            hour: 'numeric',
            minute: '2-digit',
            ...(options.timeZone ? { timeZone: options.timeZone } : {}),
          }).format(ms));
  const nameOf = (sourceId: string) => settings.sources?.find((s) => s.id === sourceId)?.name ?? sourceId;
  const coalescer = new Coalescer(settings.policy.coalesce, nameOf);
  const byEventId = new Recent();
  const byRuleKey = new Recent();
  let shown: number[] = [];

  const hold = (decision: Decision, why: string): Decision => {
    const held: Decision = { action: 'record', reason: `${why} (${decision.reason})` };
    if (decision.ruleId !== undefined) held.ruleId = decision.ruleId;
    if (decision.key !== undefined) held.key = decision.key;
    return held;
  };

  function apply(event: HomeEvent, decision: Decision, now: number): Decision {
    if (decision.action !== 'notify' || !decision.notification) return decision;
    const severity = decision.notification.severity;

    const until = snoozedUntil(settings, event.sourceId, now);
    if (until !== undefined) {
      return hold(decision, `snoozed: ${nameOf(event.sourceId)} is snoozed until ${untilClock(until)}`);
    }

    const quiet = settings.quietHours;
    let passedQuiet = '';
    if (quiet.enabled && inQuietWindow(minutesOfDay(now), parseHhmm(quiet.start), parseHhmm(quiet.end))) {
      if (!(quiet.allowCritical && severity === 'critical')) {
        return hold(decision, `quiet hours ${quiet.start}–${quiet.end}`);
      }
      passedQuiet = `; critical, so it passed quiet hours ${quiet.start}–${quiet.end}`;
    }

    const dedupWindow = settings.policy.dedupWindow;
    const idAgo = byEventId.ago(event.id, now, dedupWindow);
    if (idAgo !== undefined)
      return hold(decision, `duplicate: this event already notified ${formatAgo(idAgo)} ago`);
    const key = decision.key ?? `${event.sourceId}|${event.type}|${event.entity?.id ?? ''}`;
    const ruleKey = `${decision.ruleId ?? ''}\u0000${key}`;
    const keyAgo = byRuleKey.ago(ruleKey, now, dedupWindow);
    if (keyAgo !== undefined) {
      return hold(decision, `duplicate: "${key}" already notified ${formatAgo(keyAgo)} ago`);
    }

    shown = shown.filter((t) => now - t < MINUTE);
    const max = settings.policy.maxPerMinute;
    if (shown.length >= max) {
      return hold(decision, `rate cap: ${shown.length} notifications in the last minute (max ${max})`);
    }

    // From here the user is told, now or in the summary: later repeats are duplicates either way.
    byEventId.remember(event.id, now);
    byRuleKey.remember(ruleKey, now);
    if (!coalescer.offer(now, event.sourceId, decision.notification)) {
      const { threshold, window } = settings.policy.coalesce;
      return hold(
        decision,
        `coalesced into summary: more than ${threshold} notifications within ${formatAgo(window)}`,
      );
    }
    shown.push(now);
    return passedQuiet ? { ...decision, reason: decision.reason + passedQuiet } : decision;
  }

  /**
   * A summary comes due one window after its burst opened; by then the user may have snoozed the noisy
   * source (that is when people reach for snooze) or quiet hours may have begun. Either "not now" holds it.
   */
  function summaryHold(summary: SummaryNotification, now: number): string | undefined {
    const until = summary.sourceIds.map((id) => snoozedUntil(settings, id, now));
    if (until.length > 0 && until.every((u) => u !== undefined)) {
      return summary.sourceIds.length === 1
        ? `snoozed: ${nameOf(summary.sourceIds[0]!)} is snoozed until ${untilClock(until[0]!)}`
        : `snoozed: every source in it is snoozed (${summary.sourceIds.map(nameOf).join(', ')})`;
    }
    const quiet = settings.quietHours;
    const critical = summary.notification.severity === 'critical';
    if (
      quiet.enabled &&
      !(quiet.allowCritical && critical) &&
      inQuietWindow(minutesOfDay(now), parseHhmm(quiet.start), parseHhmm(quiet.end))
    ) {
      return `quiet hours ${quiet.start}–${quiet.end}`;
    }
    return undefined;
  }

  return {
    apply,
    flush(now: number): SummaryNotification[] {
      const summaries = coalescer.flush(now);
      for (const summary of summaries) {
        const held = summaryHold(summary, now);
        if (held) summary.heldBack = held;
        // A shown summary uses the rate budget like any notification; a held one shows nothing.
        else shown.push(now);
      }
      return summaries;
    },
    nextFlushAt: () => coalescer.nextFlushAt(),
    update(next: PolicySettings) {
      settings = next;
      coalescer.update(next.policy.coalesce);
    },
  };
}
