import type { SourceEvent } from '../types';
import { makeEvent } from './event-factory';
import type { EventContext } from './event-factory';
import { webLink } from './flavours';
import type { TaskInfo, TaskResult } from './protocol';
import { isRecord, parseTime, str } from './protocol';

const OUTCOMES: Record<string, { type: string; verb: string; severity: 'info' | 'warning' }> = {
  Completed: { type: 'emby.task.completed', verb: 'completed', severity: 'info' },
  Failed: { type: 'emby.task.failed', verb: 'failed', severity: 'warning' },
  Aborted: { type: 'emby.task.failed', verb: 'was aborted', severity: 'warning' },
  Cancelled: { type: 'emby.task.cancelled', verb: 'was cancelled', severity: 'info' },
};

function resultKey(r: TaskResult): string | undefined {
  const id = r.Id ?? r.Key ?? r.Name;
  return id && r.EndTimeUtc ? `${id}:${r.EndTimeUtc}` : undefined;
}

export function taskEvent(ctx: EventContext, r: TaskResult, key: string): SourceEvent {
  const status = str(r.Status);
  const outcome = (status !== undefined && Object.hasOwn(OUTCOMES, status)
    ? OUTCOMES[status]
    : undefined) ?? {
    type: 'emby.task.ended',
    verb: `ended (${status ?? 'unknown'})`,
    severity: 'info' as const,
  };
  const name = str(r.Name) ?? str(r.Key) ?? 'A scheduled task';
  const errorMessage = str(r.ErrorMessage);
  const start = parseTime(r.StartTimeUtc, NaN);
  const end = parseTime(r.EndTimeUtc, ctx.now);
  return makeEvent(ctx, {
    key: `task:${key}`,
    type: outcome.type,
    title: `${ctx.sourceName}: ${name} ${outcome.verb}`,
    body: errorMessage ?? '',
    severity: outcome.severity,
    time: end,
    entity: { id: str(r.Key) ?? str(r.Id) ?? name, name, kind: 'task' },
    url: webLink(ctx.flavour, ctx.base),
    data: {
      status: status ?? null,
      taskKey: str(r.Key) ?? null,
      errorMessage: errorMessage ?? null,
      durationMs: Number.isFinite(start) ? Math.max(0, end - start) : null,
    },
    raw: r,
  });
}

/**
 * Task results arrive two ways: `ScheduledTaskEnded` (admin user sockets only) and a changed
 * `LastExecutionResult` in `ScheduledTasksInfo` (any socket that subscribed, API keys included).
 * Both give the same key, so each run is reported once. The first info snapshot is a silent baseline.
 */
export class TaskTracker {
  private readonly reported = new Set<string>();
  private baseline: Map<string, string> | undefined;

  ended(data: unknown, ctx: EventContext): SourceEvent[] {
    if (!isRecord(data)) return [];
    return this.report(data as TaskResult, ctx);
  }

  info(data: unknown, ctx: EventContext): SourceEvent[] {
    if (!Array.isArray(data)) return [];
    const next = new Map<string, string>();
    const results: TaskResult[] = [];
    for (const t of data) {
      if (!isRecord(t)) continue;
      const task = t as TaskInfo;
      const last = isRecord(task.LastExecutionResult) ? task.LastExecutionResult : undefined;
      const id = task.Id ?? task.Name;
      const key = last && resultKey(last);
      if (!id || !key) continue;
      next.set(id, key);
      if (this.baseline && this.baseline.get(id) !== key) results.push(last!);
    }
    const first = this.baseline === undefined;
    this.baseline = new Map([...(this.baseline ?? []), ...next]);
    if (first) {
      for (const key of next.values()) this.reported.add(key);
      return [];
    }
    return results.flatMap((r) => this.report(r, ctx));
  }

  private report(r: TaskResult, ctx: EventContext): SourceEvent[] {
    const key = resultKey(r) ?? `${r.Name ?? 'task'}:${ctx.now}`;
    if (this.reported.has(key)) return [];
    this.reported.add(key);
    if (this.reported.size > 500) this.reported.delete(this.reported.values().next().value as string);
    return [taskEvent(ctx, r, key)];
  }
}
