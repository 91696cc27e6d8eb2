/**
 * Bounds on-demand REST lookups of unknown ids: at most `perMinute` in any minute, and an id whose lookup
 * failed is not tried again for a while. A gateway starting up (or a flood of frames for ids it will not
 * serve) must not turn into a request storm.
 */
export class LookupBudget {
  private readonly recent: number[] = [];
  private readonly failedUntil = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly perMinute: number,
    private readonly failureBackoffMs = 5 * 60_000,
  ) {}

  take(key: string): boolean {
    const now = this.now();
    const blocked = this.failedUntil.get(key);
    if (blocked !== undefined && blocked > now) return false;
    if (blocked !== undefined) this.failedUntil.delete(key);
    while (this.recent.length > 0 && this.recent[0]! <= now - 60_000) this.recent.shift();
    if (this.recent.length >= this.perMinute) return false;
    this.recent.push(now);
    return true;
  }

  failed(key: string): void {
    this.failedUntil.set(key, this.now() + this.failureBackoffMs);
    // Keep the map small even if a broken gateway names thousands of ids.
    if (this.failedUntil.size > 1000) {
      const oldest = this.failedUntil.keys().next().value;
      if (oldest !== undefined) this.failedUntil.delete(oldest);
    }
  }
}
