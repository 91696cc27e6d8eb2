/**
 * The small memory rules need between events: when a `for` condition started holding, whether a
 * hysteresis rule is active, the previous value of fields used by `changed`, and when a key last
 * notified. Every map is bounded (oldest write evicted first), so a source inventing a new entity id per event cannot make it grow
 * without limit; losing the oldest entry only means a `for` restarts or a `changed` sees a first value.
 */

/** Evicts the least recently written entry once full; Map order doubles as write order. */
export class BoundedMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  /** Reads do not refresh recency (that would cost a delete and insert per lookup on the hot path). */
  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

export interface HeldState {
  /** When the condition started holding (evaluate's `now`). */
  since: number;
  /** Fired already during this stretch: `for` notifies once until the condition breaks. */
  fired: boolean;
}

export interface HysteresisState {
  active: boolean;
  /** Whether becoming active actually notified; a "resolved" without a preceding alert would confuse. */
  notified: boolean;
}

export interface RuleState {
  readonly held: BoundedMap<HeldState>;
  readonly hysteresis: BoundedMap<HysteresisState>;
  /** `${sourceId}|${entity.kind}|${entity.id}|${field}` → last seen value. */
  readonly previous: BoundedMap<unknown>;
  /** `${ruleId}|${key}` → epoch ms of the last notification. */
  readonly lastNotified: BoundedMap<number>;
  /** Total entries across the maps (for tests and diagnostics). */
  size(): number;
  clear(): void;
}

export interface RuleStateOptions {
  /** Entries per map; default 10 000. */
  maxEntries?: number;
}

export function createRuleState(options: RuleStateOptions = {}): RuleState {
  const max = Math.max(1, options.maxEntries ?? 10_000);
  const held = new BoundedMap<HeldState>(max);
  const hysteresis = new BoundedMap<HysteresisState>(max);
  const previous = new BoundedMap<unknown>(max);
  const lastNotified = new BoundedMap<number>(max);
  return {
    held,
    hysteresis,
    previous,
    lastNotified,
    size: () => held.size + hysteresis.size + previous.size + lastNotified.size,
    clear() {
      held.clear();
      hysteresis.clear();
      previous.clear();
      lastNotified.clear();
    },
  };
}
