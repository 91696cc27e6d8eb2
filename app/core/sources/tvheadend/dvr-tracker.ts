import type { DvrEntryWire } from './protocol';

/**
 * Remembers each DVR entry's last `sched_status` and turns changes into transitions. Tvheadend says
 * "uuid X changed" every 5 s while recording (byte counts); only a different state is news, and each
 * state is reported once per entry, so a resync after a reconnect cannot replay what was already said.
 */

export type DvrTransitionKind = 'scheduled' | 'started' | 'problem' | 'completed' | 'failed' | 'removed';

export interface TrackedEntry {
  uuid: string;
  title: string;
  subtitle?: string;
  channel?: string;
  schedStatus: string;
  status?: string;
  errorcode?: number;
  /** The last non-zero errorcode: why a recording that later reads "File missing" failed. */
  lastErrorcode?: number;
  errors?: number;
  dataErrors?: number;
  start?: number;
  stop?: number;
  startReal?: number;
  stopReal?: number;
  filename?: string;
  filesize?: number;
  autorec?: string;
  owner?: string;
  creator?: string;
  broadcast?: number;
}

export interface DvrTransition {
  kind: DvrTransitionKind;
  /** What tells this happening apart from others of the same entry ("problem:209"); part of the event id. */
  key: string;
  entry: TrackedEntry;
  /** The `sched_status` before, if the entry was known. */
  previous?: string;
}

interface Slot {
  entry: TrackedEntry;
  stateKey: string;
  reported: Set<string>;
}

const FAILED = new Set(['completedError', 'completedWarning', 'completedRerecord']);

/** The transition a state stands for, or undefined for states that are not news (`unknown`). */
export function stateKey(
  schedStatus: string,
  errorcode: number | undefined,
): { kind: DvrTransitionKind; key: string } | undefined {
  if (schedStatus === 'scheduled') return { kind: 'scheduled', key: 'scheduled' };
  if (schedStatus === 'recording') return { kind: 'started', key: 'started' };
  if (schedStatus === 'recordingError') return { kind: 'problem', key: `problem:${errorcode ?? 0}` };
  if (schedStatus === 'completed') return { kind: 'completed', key: 'completed' };
  if (FAILED.has(schedStatus)) return { kind: 'failed', key: `failed:${schedStatus}` };
  return undefined;
}

export interface ObserveOptions {
  /** Learn the state without reporting it (the first snapshot after start). */
  silent?: boolean;
  /** Unknown entries that finished before this epoch second are history, not news. */
  staleBefore?: number;
}

export class DvrTracker {
  private readonly slots = new Map<string, Slot>();

  get size(): number {
    return this.slots.size;
  }

  has(uuid: string): boolean {
    return this.slots.has(uuid);
  }

  get(uuid: string): TrackedEntry | undefined {
    return this.slots.get(uuid)?.entry;
  }

  observe(wire: DvrEntryWire, options: ObserveOptions = {}): DvrTransition[] {
    const schedStatus = wire.sched_status ?? 'unknown';
    const slot = this.slots.get(wire.uuid);
    const previous = slot?.entry;
    const entry = toTracked(wire, previous);
    const state = stateKey(schedStatus, wire.errorcode);
    const key = state?.key ?? `other:${schedStatus}`;
    if (!slot) {
      const reported = new Set<string>();
      this.slots.set(wire.uuid, { entry, stateKey: key, reported });
      const finished = state?.kind === 'completed' || state?.kind === 'failed';
      const stale =
        finished &&
        options.staleBefore !== undefined &&
        (entry.stopReal ?? entry.stop ?? 0) < options.staleBefore;
      if (!state) return [];
      reported.add(state.key);
      if (options.silent || stale) return [];
      return [{ kind: state.kind, key: state.key, entry }];
    }
    slot.entry = entry;
    if (slot.stateKey === key) return [];
    slot.stateKey = key;
    if (!state || slot.reported.has(state.key)) return [];
    slot.reported.add(state.key);
    if (options.silent) return [];
    return [{ kind: state.kind, key: state.key, entry, previous: previous?.schedStatus }];
  }

  remove(uuid: string, options: ObserveOptions = {}): DvrTransition[] {
    const slot = this.slots.get(uuid);
    if (!slot) return [];
    this.slots.delete(uuid);
    if (options.silent) return [];
    return [{ kind: 'removed', key: 'removed', entry: slot.entry, previous: slot.entry.schedStatus }];
  }

  /** A full snapshot (after a new mailbox): report each change once, and entries gone meanwhile as removed. */
  reconcile(all: DvrEntryWire[], options: ObserveOptions = {}): DvrTransition[] {
    const out: DvrTransition[] = [];
    const seen = new Set<string>();
    for (const wire of all) {
      seen.add(wire.uuid);
      out.push(...this.observe(wire, { silent: options.silent }));
    }
    for (const uuid of [...this.slots.keys()]) if (!seen.has(uuid)) out.push(...this.remove(uuid, options));
    return out;
  }
}

function toTracked(wire: DvrEntryWire, previous: TrackedEntry | undefined): TrackedEntry {
  const errorcode = wire.errorcode;
  const lastErrorcode =
    errorcode !== undefined && errorcode !== 0 && errorcode !== 10 ? errorcode : previous?.lastErrorcode;
  return {
    uuid: wire.uuid,
    title: wire.disp_title || previous?.title || 'Untitled recording',
    subtitle: wire.disp_subtitle || previous?.subtitle || undefined,
    channel: wire.channelname || previous?.channel || undefined,
    schedStatus: wire.sched_status ?? 'unknown',
    status: wire.status,
    errorcode,
    lastErrorcode,
    errors: wire.errors,
    dataErrors: wire.data_errors,
    start: wire.start ?? previous?.start,
    stop: wire.stop ?? previous?.stop,
    startReal: wire.start_real ?? previous?.startReal,
    stopReal: wire.stop_real ?? previous?.stopReal,
    filename: wire.filename || previous?.filename || undefined,
    filesize: wire.filesize,
    autorec: wire.autorec || undefined,
    owner: wire.owner || undefined,
    creator: wire.creator || undefined,
    broadcast: wire.broadcast || undefined,
  };
}
