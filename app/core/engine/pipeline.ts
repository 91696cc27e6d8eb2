import type { HistoryEntry } from '../../shared/history';
import type { HomeEvent } from '../../shared/home-event';
import type { Decision } from '../../shared/rules';
import type { HistoryStore } from '../history/types';
import type { SummaryNotification } from '../policy/types';
import type { Decider } from './decide';
import type { RaisedNotification } from './types';

const MAX_TIMER_MS = 2 ** 31 - 1;

export interface EventPipelineOptions {
  decider: Decider;
  /** Where entries are kept; without one they are only numbered and emitted. */
  history?: HistoryStore;
  now: () => number;
  /** The sinks: every entry, and each notification to raise. */
  onEntry(entry: HistoryEntry): void;
  onNotification(raised: RaisedNotification): void;
}

export interface EventPipeline {
  /** event → decide (rules + policy) → record → sinks, for each event of a batch. */
  handle(events: HomeEvent[]): void;
  /** Summaries are flushed on a timer only while started. */
  start(): void;
  stop(): void;
}

/** The engine's event pipeline: decide, record in the history, hand to the sinks; and burst summaries. */
export function createEventPipeline(opts: EventPipelineOptions): EventPipeline {
  const { decider, now } = opts;
  let flushTimer: NodeJS.Timeout | undefined;
  let seq = 0;
  let started = false;

  const record = (event: HomeEvent, decision: Decision): HistoryEntry => {
    // Only a notification the user has not seen is unread: what was recorded or dropped never lights the badge.
    const read = decision.action !== 'notify';
    if (opts.history) return opts.history.append(event, decision, read);
    return { seq: ++seq, recordedAt: now(), event, decision, read };
  };

  const scheduleFlush = () => {
    const at = decider.nextFlushAt();
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    if (at === undefined || !started) return;
    // setTimeout cannot wait longer than 2^31-1 ms (it fires after 1 ms instead, over and over); a longer
    // coalescing window is waited for in steps: an early flush finds nothing due and schedules again.
    flushTimer = setTimeout(flushSummaries, Math.min(MAX_TIMER_MS, Math.max(0, at - now())));
    flushTimer.unref?.();
  };

  const summaryEvent = (summary: SummaryNotification): HomeEvent => ({
    id: `herald.summary:${now()}:${summary.sourceIds.join(',')}`,
    sourceId: 'herald',
    sourceKind: 'herald',
    type: 'herald.summary',
    time: now(),
    severity: summary.notification.severity,
    title: summary.notification.title,
    body: summary.notification.body,
    data: { count: summary.count, sourceIds: summary.sourceIds },
    raw: null,
  });

  function flushSummaries() {
    flushTimer = undefined;
    for (const summary of decider.flush(now())) {
      const reason = `summary of ${summary.count} notifications held back during a burst`;
      const decision: Decision = summary.heldBack
        ? { action: 'record', reason: `${summary.heldBack} (${reason})` }
        : { action: 'notify', reason, notification: summary.notification };
      const entry = record(summaryEvent(summary), decision);
      opts.onEntry(entry);
      if (!summary.heldBack)
        opts.onNotification({ notification: summary.notification, seq: entry.seq, summaryOf: summary.count });
    }
    scheduleFlush();
  }

  return {
    handle(events) {
      for (const event of events) {
        const decision = decider.decide(event, now());
        // Periodic samples are kept only when they matter, so a stats stream cannot flood the log.
        if (event.sample && decision.action !== 'notify') continue;
        const entry = record(event, decision);
        opts.onEntry(entry);
        if (decision.action === 'notify' && decision.notification) {
          opts.onNotification({
            notification: decision.notification,
            sourceId: event.sourceId,
            ruleId: decision.ruleId,
            seq: entry.seq,
          });
        }
      }
      scheduleFlush();
    },
    start() {
      started = true;
    },
    stop() {
      started = false;
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = undefined;
    },
  };
}
