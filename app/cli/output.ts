import { cleanLine, cleanText } from '../shared/clean-text';
import type { HistoryEntry } from '../shared/history';
import type { SourceStatus } from '../shared/source-status';
import type { RaisedNotification } from '../core/engine/types';

/** One JSON object per line on stdout: easy to read, grep and pipe into jq. */
export type WatchLine =
  | {
      kind: 'status';
      time: string;
      source: string;
      state: string;
      error?: string;
      hint?: string;
      /** Unusable frames: `count` since the previous such line, `total` since start, the last `reason`. */
      badFrames?: { count: number; total: number; reason: string };
    }
  | {
      kind: 'event';
      time: string;
      seq: number;
      source: string;
      type: string;
      severity: string;
      title: string;
      body: string;
      entity?: string;
      action: string;
      rule?: string;
      reason: string;
      raw?: unknown;
    }
  | {
      kind: 'notification';
      time: string;
      seq?: number;
      source?: string;
      rule?: string;
      title: string;
      body: string;
      severity: string;
      urgency: string;
      summaryOf?: number;
    }
  | { kind: 'info' | 'error'; time: string; message: string };

const iso = (ms: number) => new Date(ms).toISOString();

export function statusLine(status: SourceStatus, now: number): WatchLine {
  return {
    kind: 'status',
    time: iso(now),
    source: status.sourceId,
    state: status.state,
    ...(status.lastError ? { error: status.lastError } : {}),
    ...(status.hint ? { hint: status.hint } : {}),
  };
}

/** A report of unusable frames, printed at most once per source per interval (see status-lines.ts). */
export function badFramesLine(status: SourceStatus, count: number, now: number): WatchLine {
  return {
    kind: 'status',
    time: iso(now),
    source: status.sourceId,
    state: status.state,
    badFrames: { count, total: status.badFrames, reason: status.lastBadFrame?.reason ?? 'unknown' },
  };
}

export function eventLine(entry: HistoryEntry, withRaw: boolean): WatchLine {
  const { event, decision } = entry;
  return {
    kind: 'event',
    time: iso(event.time),
    seq: entry.seq,
    source: event.sourceId,
    type: event.type,
    severity: event.severity,
    // Shown like notification text: JSON escapes C0 controls, but not C1 ones (0x9B is CSI) or bidi overrides.
    title: cleanLine(event.title),
    body: cleanText(event.body),
    ...(event.entity ? { entity: cleanLine(event.entity.name) } : {}),
    action: decision.action,
    ...(decision.ruleId ? { rule: decision.ruleId } : {}),
    reason: decision.reason,
    ...(withRaw ? { raw: event.raw } : {}),
  };
}

export function notificationLine(raised: RaisedNotification, now: number): WatchLine {
  const n = raised.notification;
  return {
    kind: 'notification',
    time: iso(now),
    ...(raised.seq !== undefined ? { seq: raised.seq } : {}),
    ...(raised.sourceId ? { source: raised.sourceId } : {}),
    ...(raised.ruleId ? { rule: raised.ruleId } : {}),
    title: n.title,
    body: n.body,
    severity: n.severity,
    urgency: n.urgency,
    ...(raised.summaryOf ? { summaryOf: raised.summaryOf } : {}),
  };
}
