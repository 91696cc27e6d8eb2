import type { Values } from './protocol';

export type Section = 'state' | 'config';

export interface Change {
  key: string;
  /** undefined when we never saw this key for this resource. */
  previous: unknown;
  next: unknown;
}

interface Entry {
  state: Values;
  config: Values;
  /** Per stateless key (buttonevent, action…): the `lastupdated|value` of the last one reported. */
  stateless: Map<string, string>;
  /** The same, as the last REST snapshot showed it. */
  snapshotStateless: Map<string, string>;
}

/**
 * The last `state` and `config` we saw per resource. With `websocketnotifyall` (the default) the gateway
 * re-sends whole sub-objects whenever one item moves, so "what changed" can only be learned by diffing
 * against this cache. Also keeps the "battery low" flag per physical device, so a device with several
 * resources warns once.
 */
export class StateTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly lowDevices = new Set<string>();

  private entry(r: string, id: string): Entry {
    const k = `${r}/${id}`;
    let e = this.entries.get(k);
    if (!e) {
      e = { state: {}, config: {}, stateless: new Map(), snapshotStateless: new Map() };
      this.entries.set(k, e);
    }
    return e;
  }

  knows(r: string, id: string): boolean {
    return this.entries.has(`${r}/${id}`);
  }

  get(r: string, id: string, section: Section, key: string): unknown {
    return this.entries.get(`${r}/${id}`)?.[section][key];
  }

  /** Merge `values` into the cache and return the keys whose value really changed. */
  apply(r: string, id: string, section: Section, values: Values): Change[] {
    const cached = this.entry(r, id)[section];
    const changes: Change[] = [];
    for (const [k, next] of Object.entries(values)) {
      const previous = cached[k];
      if (!sameValue(previous, next)) changes.push({ key: k, previous, next });
      cached[k] = next;
    }
    return changes;
  }

  /**
   * True when this stateless value (a button press, keypad action) was not reported before. Two presses
   * of the same button differ in `lastupdated`; a re-send of the same push does not. A frame that
   * arrived while the snapshot loaded (`pushedAfterSnapshotStarted`) was pushed over the new socket, so it
   * is live even when the snapshot already shows the same press: only frames it follows can rule it out.
   */
  isNewStateless(
    r: string,
    id: string,
    key: string,
    value: unknown,
    lastupdated: unknown,
    pushedAfterSnapshotStarted = false,
  ): boolean {
    const stamp = stampOf(value, lastupdated);
    const e = this.entry(r, id);
    // A frame without lastupdated (old firmware, some test captures) cannot be told from a re-send:
    // count it, since a missed press is worse than an unlikely duplicate.
    if (lastupdated === undefined || lastupdated === null || lastupdated === 'none') {
      e.stateless.set(key, stamp);
      return true;
    }
    const seenInFrame = e.stateless.get(key) === stamp;
    const seenInSnapshot = !pushedAfterSnapshotStarted && e.snapshotStateless.get(key) === stamp;
    if (seenInFrame || seenInSnapshot) return false;
    e.stateless.set(key, stamp);
    return true;
  }

  /** After a REST snapshot: the press (or keypad action) it shows is old news, never replayed. */
  seedStateless(r: string, id: string, key: string, value: unknown, lastupdated: unknown): void {
    if (value === undefined || value === null) return;
    this.entry(r, id).snapshotStateless.set(key, stampOf(value, lastupdated));
  }

  /** Returns true when the device just became low (it was not flagged before). */
  markLow(device: string): boolean {
    if (this.lowDevices.has(device)) return false;
    this.lowDevices.add(device);
    return true;
  }

  /** Returns true when the device was flagged low and no longer is. */
  clearLow(device: string): boolean {
    return this.lowDevices.delete(device);
  }

  isLow(device: string): boolean {
    return this.lowDevices.has(device);
  }

  remove(r: string, id: string): void {
    this.entries.delete(`${r}/${id}`);
  }

  size(): number {
    return this.entries.size;
  }
}

function stampOf(value: unknown, lastupdated: unknown): string {
  return `${String(lastupdated ?? '')}|${JSON.stringify(value)}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
