import { cleanLine, cleanText } from '../../shared/clean-text';
import type { Notification } from '../../shared/rules';
import type { SummaryNotification } from './types';

const rank = { info: 0, warning: 1, critical: 2 } as const;

interface Burst {
  end: number;
  count: number;
  sourceIds: string[];
  titles: string[];
  severity: Notification['severity'];
  silent: boolean;
}

export interface CoalesceSettings {
  window: number;
  threshold: number;
}

/**
 * Burst coalescing. Up to `threshold` notifications within `window` pass; once that many passed, a burst
 * opens for one `window` from that moment and every further notification in it is held back and counted.
 * When the burst's window closes, `flush` yields one summary for it. Critical notifications are never
 * folded into a summary (a water leak must not read "7 more from deCONZ"), but they count as passed.
 */
export class Coalescer {
  private passed: number[] = [];
  private burst: Burst | undefined;
  private pending: { at: number; summary: SummaryNotification }[] = [];

  constructor(
    private settings: CoalesceSettings,
    private readonly nameOf: (sourceId: string) => string,
  ) {}

  update(settings: CoalesceSettings): void {
    this.settings = settings;
  }

  /** True when the notification may show now; false when it was taken into the current burst. */
  offer(now: number, sourceId: string, notification: Notification): boolean {
    this.closeDue(now);
    // Pruned on every offer, not only for non-critical ones: a stream of criticals must not grow it.
    this.passed = this.passed.filter((t) => now - t < this.settings.window);
    const critical = notification.severity === 'critical';
    if (!critical) {
      if (this.burst) {
        this.add(this.burst, sourceId, notification);
        return false;
      }
      if (this.passed.length >= this.settings.threshold) {
        this.burst = {
          end: now + this.settings.window,
          count: 0,
          sourceIds: [],
          titles: [],
          severity: 'info',
          silent: true,
        };
        this.add(this.burst, sourceId, notification);
        return false;
      }
    }
    this.passed.push(now);
    return true;
  }

  flush(now: number): SummaryNotification[] {
    this.closeDue(now);
    const out = this.pending.map((p) => p.summary);
    this.pending = [];
    return out;
  }

  nextFlushAt(): number | undefined {
    if (this.pending.length > 0) return Math.min(...this.pending.map((p) => p.at));
    return this.burst?.end;
  }

  private add(burst: Burst, sourceId: string, notification: Notification): void {
    burst.count += 1;
    if (!burst.sourceIds.includes(sourceId)) burst.sourceIds.push(sourceId);
    if (burst.titles.length < 3 && !burst.titles.includes(notification.title))
      burst.titles.push(notification.title);
    if (rank[notification.severity] > rank[burst.severity]) burst.severity = notification.severity;
    burst.silent &&= notification.silent;
  }

  private closeDue(now: number): void {
    if (!this.burst || this.burst.end > now) return;
    const b = this.burst;
    this.burst = undefined;
    const names = b.sourceIds.map(this.nameOf).join(', ');
    const more = b.count > b.titles.length ? ', …' : '';
    const plural = b.count === 1 ? '' : 's';
    const summary: SummaryNotification = {
      count: b.count,
      sourceIds: b.sourceIds,
      notification: {
        // Source names come from settings files and titles from servers: the summary is cleaned like any text.
        title: cleanLine(`${b.count} more notification${plural}`),
        body: cleanText(`${b.count} more from ${names}: ${b.titles.join(', ')}${more}`),
        severity: b.severity,
        urgency: 'normal',
        silent: b.silent,
      },
    };
    this.pending.push({ at: b.end, summary });
  }
}
