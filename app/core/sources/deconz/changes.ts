import type { SourceEvent } from '../types';
import type { EventSpec, NormaliseDeps, Subject } from './events';
import { capitalise, describeSubject, makeEvent } from './events';
import type { Outcome } from './transitions';
import { armstateOutcome, levelSpec, MEASUREMENTS } from './transitions';
import type { ResourceKind, Values } from './protocol';
import { deviceOf } from './protocol';
import type { Change, Section, StateTracker } from './state-tracker';

export interface ChangeOptions {
  /** Battery percentage at or below which a device counts as low. */
  lowBatteryPercent: number;
}

export interface ChangeDeps extends NormaliseDeps {
  tracker: StateTracker;
  options: ChangeOptions;
}

/** Where the values came from: a live push, or the REST resync after a reconnect. */
export interface Origin {
  offline: boolean;
  raw: unknown;
  /** `lastupdated` of the values, when the gateway sent one. */
  lastupdated?: unknown;
  lastupdatedMs?: number;
}

/** Low-battery recovery needs this much headroom, so a reading wobbling around the threshold warns once. */
const BATTERY_HYSTERESIS = 5;

/**
 * Merge one `state` or `config` object into the cache and turn the values that really changed into events:
 * level transitions, alarm-system states, battery and (live only) measurement samples.
 */
export function changeEvents(
  deps: ChangeDeps,
  subject: Subject & { r: ResourceKind },
  section: Section,
  values: Values,
  origin: Origin,
): SourceEvent[] {
  const changes = deps.tracker.apply(subject.r, subject.id, section, values);
  const events: SourceEvent[] = [];
  for (const change of changes) {
    const event =
      levelEvent(deps, subject, section, change, origin) ??
      measurementEvent(deps, subject, section, change, origin);
    if (event) events.push(event);
  }
  const battery = batteryEvent(deps, subject, changes, origin);
  if (battery) events.push(battery);
  return events;
}

function levelEvent(
  deps: ChangeDeps,
  subject: Subject & { r: ResourceKind },
  section: Section,
  change: Change,
  origin: Origin,
): SourceEvent | undefined {
  const { key, previous, next } = change;
  if (subject.r === 'alarmsystems' && section === 'state' && key === 'armstate' && typeof next === 'string') {
    // A first sighting is news only when it is the alarm itself.
    if (typeof previous !== 'string' && next !== 'in_alarm') return undefined;
    return outcomeEvent(deps, subject, armstateOutcome(next), change, origin);
  }
  const spec = levelSpec(subject.r, section, key);
  if (!spec || typeof next !== 'boolean') return undefined;
  if (origin.offline && !spec.offline) return undefined;
  const active = next === spec.active;
  if (typeof previous !== 'boolean' && !active) return undefined;
  const outcome = active ? spec.onActive : spec.onInactive;
  return outcome ? outcomeEvent(deps, subject, outcome, change, origin) : undefined;
}

function outcomeEvent(
  deps: ChangeDeps,
  subject: Subject,
  outcome: Outcome,
  change: Change,
  origin: Origin,
): SourceEvent {
  const name = deps.names.nameOf(subject.r, subject.id);
  return makeEvent(deps, subject, {
    ...timing(deps, origin),
    type: outcome.type,
    severity: outcome.severity,
    title: origin.offline
      ? `${name}: ${outcome.words} while Herald was offline`
      : `${name}: ${outcome.words}`,
    body: bodyFor(deps, subject, outcome.words, origin),
    data: { key: change.key, value: change.next, previous: change.previous ?? null, ...offlineData(origin) },
    raw: origin.raw,
  });
}

function measurementEvent(
  deps: ChangeDeps,
  subject: Subject & { r: ResourceKind },
  section: Section,
  change: Change,
  origin: Origin,
): SourceEvent | undefined {
  if (origin.offline || subject.r !== 'sensors' || section !== 'state' || typeof change.next !== 'number') {
    return undefined;
  }
  const spec = MEASUREMENTS.find((m) => m.key === change.key);
  if (!spec) return undefined;
  const value = Math.round(change.next * spec.scale * 100) / 100;
  const name = deps.names.nameOf(subject.r, subject.id);
  return makeEvent(deps, subject, {
    ...timing(deps, origin),
    type: spec.type,
    severity: 'info',
    title: `${name}: ${value} ${spec.unit}`,
    body: `${capitalise(spec.key)} of ${describeSubject(deps, subject)} is now ${value} ${spec.unit}.`,
    data: { key: change.key, value, unit: spec.unit, rawValue: change.next },
    raw: origin.raw,
    sample: true,
  });
}

function batteryEvent(
  deps: ChangeDeps,
  subject: Subject & { r: ResourceKind },
  changes: Change[],
  origin: Origin,
): SourceEvent | undefined {
  if (!changes.some((c) => c.key === 'battery' || c.key === 'lowbattery')) return undefined;
  const { tracker } = deps;
  const percent =
    numberOr(tracker.get(subject.r, subject.id, 'config', 'battery')) ??
    numberOr(tracker.get(subject.r, subject.id, 'state', 'battery'));
  const flag = tracker.get(subject.r, subject.id, 'state', 'lowbattery');
  const threshold = deps.options.lowBatteryPercent;
  const device = deviceOf(subject.uniqueid ?? subject.info?.uniqueid) ?? `${subject.r}/${subject.id}`;
  const low = flag === true || (percent !== undefined && percent <= threshold);
  const name = deps.names.nameOf(subject.r, subject.id);
  const level = percent !== undefined ? ` (${percent} %)` : '';
  if (low) {
    if (!tracker.markLow(device)) return undefined;
    const words = `battery low${level}`;
    return makeEvent(deps, subject, {
      ...timing(deps, origin),
      type: 'deconz.battery.low',
      severity: 'warning',
      title: origin.offline ? `${name}: ${words} while Herald was offline` : `${name}: ${words}`,
      body: `${describeSubject(deps, subject)} needs a new battery soon${level}.`,
      data: {
        key: 'battery',
        percent: percent ?? null,
        lowbattery: flag ?? null,
        threshold,
        ...offlineData(origin),
      },
      raw: origin.raw,
    });
  }
  const recovered =
    flag !== true && (percent === undefined ? flag === false : percent > threshold + BATTERY_HYSTERESIS);
  if (!recovered || !tracker.clearLow(device)) return undefined;
  return makeEvent(deps, subject, {
    ...timing(deps, origin),
    type: 'deconz.battery.ok',
    severity: 'info',
    title: `${name}: battery ok${level}`,
    body: `${describeSubject(deps, subject)} has a good battery again${level}.`,
    data: {
      key: 'battery',
      percent: percent ?? null,
      lowbattery: flag ?? null,
      threshold,
      ...offlineData(origin),
    },
    raw: origin.raw,
  });
}

function bodyFor(deps: ChangeDeps, subject: Subject, words: string, origin: Origin): string {
  const who = describeSubject(deps, subject);
  if (!origin.offline) return `${who}: ${words}.`;
  const at =
    origin.lastupdatedMs !== undefined
      ? ` (gateway time ${new Date(origin.lastupdatedMs).toISOString()})`
      : '';
  return `${who}: ${words}. Found when Herald reconnected; it happened while Herald was offline${at}.`;
}

function timing(deps: ChangeDeps, origin: Origin): Pick<EventSpec, 'stamp' | 'time'> {
  const stamp =
    typeof origin.lastupdated === 'string' && origin.lastupdated !== 'none'
      ? origin.lastupdated
      : String(deps.now());
  // Live pushes are stamped with our clock (gateway clocks drift); a late report carries the gateway's time
  // of the change, when it has one that is not in the future.
  const time =
    origin.offline && origin.lastupdatedMs !== undefined && origin.lastupdatedMs <= deps.now()
      ? origin.lastupdatedMs
      : deps.now();
  return { stamp, time };
}

function offlineData(origin: Origin): Record<string, unknown> {
  return origin.offline ? { offline: true } : {};
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
