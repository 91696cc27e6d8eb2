import type { Severity } from '../../../shared/home-event';
import type { SourceEvent } from '../types';
import { makeEvent, notificationEvent } from './normalise';
import type {
  ArrayStatus,
  DiskInfo,
  DiskThresholds,
  ParityRecord,
  UnraidNotification,
  UpsStatus,
  VmInfo,
} from './protocol';
import { parseTime } from './protocol';
import { DiskWatch } from './disk-watch';
import type { ThresholdOverrides } from './thresholds';

export interface TrackerDeps {
  sourceId: string;
  now(): number;
  emit(events: SourceEvent[]): void;
  /** After an array state change, container / disk / VM alerts stay quiet this long (Unraid stops Docker with the array). */
  settleMs: number;
  thresholdOverrides?: ThresholdOverrides;
  /** Newest parity-history record, for "finished (N errors)"; absent on the legacy agent. */
  fetchParityRecord?: () => Promise<ParityRecord | undefined>;
  log(message: string): void;
}

type UpsState = 'online' | 'battery' | 'low' | 'lost' | 'unknown';

/**
 * Remembers the last state per topic and turns transitions into events. State survives reconnects
 * (the session lives across them), so a change that happened while we were away still shows up,
 * while the very first snapshot of a session only seeds.
 */
export class UnraidTracker {
  private arrayState: string | undefined;
  private parityStatus: string | undefined;
  private parityValid: boolean | undefined;
  private arrayChangedAt: number | undefined;
  private readonly diskWatch: DiskWatch;
  private upsState: UpsState | undefined;
  private vmStates = new Map<string, string>();
  private seenNotifications: Set<string> | undefined;

  constructor(private readonly deps: TrackerDeps) {
    this.diskWatch = new DiskWatch(deps.sourceId, deps.emit, deps.thresholdOverrides);
  }

  /** Container, disk and VM alerts are not news while the array is down or just changed state. */
  arraySuppression(): string | undefined {
    if (this.arrayState !== undefined && this.arrayState !== 'STARTED')
      return `array is ${this.arrayState.toLowerCase()}`;
    if (this.arrayChangedAt !== undefined && this.deps.now() - this.arrayChangedAt < this.deps.settleMs) {
      return 'array changed state recently';
    }
    return undefined;
  }

  setThresholds(t: DiskThresholds): void {
    this.diskWatch.setThresholds(t);
  }

  array(a: ArrayStatus, time: number, raw: unknown): void {
    const state = a.state.trim().toUpperCase();
    // No state (a zero-value DTO from an agent that has not collected yet, `"unknown"` when var.ini
    // lacks mdState, an odd REST answer): this says nothing about the array, so it changes nothing.
    if (state === '' || state === 'UNKNOWN') return;
    const previous = this.arrayState;
    const events: SourceEvent[] = [];
    const ev = (
      type: string,
      severity: Severity,
      title: string,
      body: string,
      data: Record<string, unknown>,
    ) =>
      events.push(
        makeEvent(this.deps.sourceId, {
          type,
          time,
          entity: { id: 'array', name: 'Array', kind: 'array' },
          severity,
          title,
          body,
          data,
          raw,
        }),
      );
    this.arrayState = state;
    if (previous !== undefined && previous !== state) {
      this.arrayChangedAt = this.deps.now();
      const data = { state, previousState: previous };
      if (state === 'STARTED')
        ev('unraid.array.started', 'info', 'Array started', `was ${previous.toLowerCase()}`, data);
      else if (state === 'STOPPED')
        ev('unraid.array.stopped', 'warning', 'Array stopped', 'containers and VMs stop with it', data);
      else
        ev(
          'unraid.array.problem',
          'critical',
          `Array state ${state}`,
          `the array changed from ${previous} to ${state}`,
          data,
        );
    }
    if (a.parity_valid !== undefined) {
      if (this.parityValid === true && a.parity_valid === false) {
        ev('unraid.array.parity-invalid', 'warning', 'Parity is no longer valid', 'run a parity check', {
          state,
        });
      }
      this.parityValid = a.parity_valid;
    }
    if (a.parity_check_status !== undefined) {
      const before = this.parityStatus;
      const now = a.parity_check_status.toLowerCase();
      this.parityStatus = now;
      if (before !== undefined && before === '' && now !== '') {
        ev(
          'unraid.parity.started',
          'info',
          `Parity operation ${now}`,
          'a parity check, sync or rebuild began',
          { status: now },
        );
      } else if (before !== undefined && before !== '' && now === '') {
        this.parityFinished(time, raw).catch((err: unknown) =>
          this.deps.log(`parity result: ${String(err)}`),
        );
      }
    }
    if (events.length > 0) this.deps.emit(events);
  }

  private async parityFinished(time: number, raw: unknown): Promise<void> {
    let record: ParityRecord | undefined;
    try {
      record = await this.deps.fetchParityRecord?.();
    } catch (err) {
      this.deps.log(`parity history unavailable: ${(err as Error).message}`);
    }
    const errors = record?.errors;
    const status = record?.status === undefined ? undefined : String(record.status);
    const bad = (errors ?? 0) > 0 || (status !== undefined && status.toUpperCase() !== 'OK');
    const action = record?.action ?? 'Parity check';
    const parts = [
      errors !== undefined ? `${errors} error${errors === 1 ? '' : 's'}` : undefined,
      status !== undefined && status.toUpperCase() !== 'OK' ? `status ${status}` : undefined,
      record?.duration_seconds !== undefined
        ? `took ${Math.round(record.duration_seconds / 60)} min`
        : undefined,
    ].filter(Boolean);
    this.deps.emit([
      makeEvent(this.deps.sourceId, {
        type: 'unraid.parity.finished',
        time,
        entity: { id: 'array', name: 'Array', kind: 'array' },
        severity: bad ? 'warning' : 'info',
        title: `${action} finished${errors !== undefined ? ` (${errors} errors)` : ''}`,
        body: parts.join(', ') || 'finished',
        data: { errors, status, action, durationSeconds: record?.duration_seconds },
        raw: { frame: raw, record },
      }),
    ]);
  }

  disks(list: DiskInfo[], time: number): void {
    this.diskWatch.update(list, time, this.arraySuppression() !== undefined);
  }

  ups(u: UpsStatus, time: number, raw: unknown): void {
    const tokens = u.status.toUpperCase().split(/\s+/).filter(Boolean);
    let state: UpsState = 'unknown';
    if (u.connected === false) state = 'lost';
    else if (tokens.includes('LB') || tokens.includes('LOWBATT')) state = 'low';
    else if (tokens.includes('OB') || tokens.includes('ONBATT')) state = 'battery';
    else if (tokens.includes('OL') || tokens.includes('ONLINE')) state = 'online';
    const previous = this.upsState;
    if (state === 'unknown') return;
    this.upsState = state;
    if (previous === undefined || previous === state) return;
    const charge = u.battery_charge_percent;
    const runtime = u.runtime_left_seconds ?? u.battery_runtime_seconds;
    const detail = [
      charge !== undefined ? `battery ${charge} %` : undefined,
      runtime !== undefined ? `${Math.round(runtime / 60)} min left` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    const spec: Record<Exclude<UpsState, 'unknown'>, [string, Severity, string]> = {
      battery: ['unraid.ups.on-battery', 'warning', 'UPS on battery'],
      low: ['unraid.ups.low-battery', 'critical', 'UPS battery low'],
      online: ['unraid.ups.online', 'info', 'UPS back on line power'],
      lost: ['unraid.ups.comms-lost', 'warning', 'UPS connection lost'],
    };
    const [type, severity, title] = spec[state];
    this.deps.emit([
      makeEvent(this.deps.sourceId, {
        type,
        time,
        entity: { id: 'ups', name: u.model || 'UPS', kind: 'ups' },
        severity,
        title,
        body: detail || u.status,
        data: {
          status: u.status,
          state,
          previousState: previous,
          batteryPercent: charge,
          runtimeSeconds: runtime,
        },
        raw,
      }),
    ]);
  }

  vms(list: VmInfo[], time: number, raw: unknown): void {
    const events: SourceEvent[] = [];
    const quiet = this.arraySuppression() !== undefined;
    for (const vm of list) {
      const before = this.vmStates.get(vm.name);
      this.vmStates.set(vm.name, vm.state);
      if (before !== 'running' || quiet || vm.state === 'running') continue;
      const crashed = vm.state === 'crashed';
      events.push(
        makeEvent(this.deps.sourceId, {
          type: crashed ? 'unraid.vm.crashed' : 'unraid.vm.stopped',
          time,
          entity: { id: vm.name, name: vm.name, kind: 'vm' },
          severity: crashed ? 'critical' : 'info',
          title: crashed ? `VM ${vm.name} crashed` : `VM ${vm.name} is ${vm.state}`,
          body: `was running, now ${vm.state}`,
          data: { state: vm.state, previousState: before },
          raw,
        }),
      );
    }
    if (events.length > 0) this.deps.emit(events);
  }

  /**
   * The agent sends the whole history every time, each live entry twice (unread and archive, same id).
   * The first list of a session only seeds, so starting Herald does not replay the backlog.
   */
  notifications(list: UnraidNotification[], time: number): void {
    const current = new Set(list.map((n) => n.id).filter(Boolean));
    if (this.seenNotifications === undefined) {
      this.seenNotifications = current;
      return;
    }
    const seen = this.seenNotifications;
    const fresh = new Map<string, UnraidNotification>();
    for (const n of list) {
      if (n.id && n.type.toLowerCase() === 'unread' && !seen.has(n.id)) fresh.set(n.id, n);
    }
    // Keep only ids still listed: they carry a timestamp and never come back once deleted.
    this.seenNotifications = current;
    for (const id of fresh.keys()) current.add(id);
    if (fresh.size > 0) {
      this.deps.emit(
        [...fresh.values()].map((n) =>
          notificationEvent(this.deps.sourceId, n, time, parseTime(n.timestamp, time)),
        ),
      );
    }
  }
}
