import type { Severity } from '../../../shared/home-event';
import type { ResourceKind } from './protocol';
import type { Section } from './state-tracker';

/** One side of a level transition: the event to raise and the words for its title. */
export interface Outcome {
  type: string;
  severity: Severity;
  /** "water detected": the title is "<name>: <words>". */
  words: string;
}

/**
 * A level value (open, water, reachable…) that notifies on transitions only. `active` is the value that
 * counts as "something happened"; a first sighting (no previous value) raises only the active side, so a
 * fresh sensor reporting "closed" or "dry" stays quiet.
 */
export interface LevelSpec {
  key: string;
  section: Section;
  resources: readonly ResourceKind[];
  active: boolean;
  onActive: Outcome;
  onInactive?: Outcome;
  /** Report a change that happened while Herald was disconnected (found by the REST resync). */
  offline: boolean;
}

const SENSORS = ['sensors'] as const;

export const LEVELS: readonly LevelSpec[] = [
  {
    key: 'open',
    section: 'state',
    resources: SENSORS,
    active: true,
    onActive: { type: 'deconz.sensor.open', severity: 'info', words: 'opened' },
    onInactive: { type: 'deconz.sensor.closed', severity: 'info', words: 'closed' },
    offline: true,
  },
  {
    key: 'water',
    section: 'state',
    resources: SENSORS,
    active: true,
    onActive: { type: 'deconz.sensor.water', severity: 'critical', words: 'water detected' },
    onInactive: { type: 'deconz.sensor.water.cleared', severity: 'info', words: 'dry again' },
    offline: true,
  },
  {
    key: 'fire',
    section: 'state',
    resources: SENSORS,
    active: true,
    onActive: { type: 'deconz.sensor.fire', severity: 'critical', words: 'smoke or fire detected' },
    onInactive: { type: 'deconz.sensor.fire.cleared', severity: 'info', words: 'smoke cleared' },
    offline: true,
  },
  {
    key: 'carbonmonoxide',
    section: 'state',
    resources: SENSORS,
    active: true,
    onActive: { type: 'deconz.sensor.co', severity: 'critical', words: 'carbon monoxide detected' },
    onInactive: { type: 'deconz.sensor.co.cleared', severity: 'info', words: 'carbon monoxide cleared' },
    offline: true,
  },
  {
    key: 'alarm',
    section: 'state',
    resources: SENSORS,
    active: true,
    onActive: { type: 'deconz.sensor.alarm', severity: 'critical', words: 'alarm' },
    onInactive: { type: 'deconz.sensor.alarm.cleared', severity: 'info', words: 'alarm cleared' },
    offline: true,
  },
  {
    key: 'vibration',
    section: 'state',
    resources: SENSORS,
    active: true,
    onActive: { type: 'deconz.sensor.vibration', severity: 'info', words: 'vibration detected' },
    onInactive: { type: 'deconz.sensor.vibration.cleared', severity: 'info', words: 'vibration stopped' },
    offline: false,
  },
  {
    key: 'tampered',
    section: 'state',
    resources: SENSORS,
    active: true,
    onActive: { type: 'deconz.sensor.tampered', severity: 'warning', words: 'tampered with' },
    onInactive: { type: 'deconz.sensor.tampered.cleared', severity: 'info', words: 'tamper cleared' },
    offline: true,
  },
  {
    key: 'presence',
    section: 'state',
    resources: SENSORS,
    active: true,
    onActive: { type: 'deconz.sensor.presence', severity: 'info', words: 'presence detected' },
    onInactive: { type: 'deconz.sensor.presence.cleared', severity: 'info', words: 'no presence' },
    // Presence is momentary: hours later "someone was there" is not worth a late notice.
    offline: false,
  },
  {
    key: 'reachable',
    section: 'config',
    resources: SENSORS,
    active: false,
    onActive: { type: 'deconz.device.unreachable', severity: 'warning', words: 'unreachable' },
    onInactive: { type: 'deconz.device.reachable', severity: 'info', words: 'reachable again' },
    offline: true,
  },
  {
    // Lights report reachability in `state`, sensors in `config`.
    key: 'reachable',
    section: 'state',
    resources: ['lights'],
    active: false,
    onActive: { type: 'deconz.device.unreachable', severity: 'warning', words: 'unreachable' },
    onInactive: { type: 'deconz.device.reachable', severity: 'info', words: 'reachable again' },
    offline: true,
  },
  {
    key: 'on',
    section: 'state',
    resources: ['lights'],
    active: true,
    onActive: { type: 'deconz.light.on', severity: 'info', words: 'turned on' },
    onInactive: { type: 'deconz.light.off', severity: 'info', words: 'turned off' },
    offline: false,
  },
  {
    key: 'any_on',
    section: 'state',
    resources: ['groups'],
    active: true,
    onActive: { type: 'deconz.group.on', severity: 'info', words: 'lights on' },
    onInactive: { type: 'deconz.group.off', severity: 'info', words: 'all lights off' },
    offline: false,
  },
];

export function levelSpec(r: ResourceKind, section: Section, key: string): LevelSpec | undefined {
  return LEVELS.find((s) => s.key === key && s.section === section && s.resources.includes(r));
}

/** Alarm system `armstate` values (`alarmsystems` docs, `ias_ace.cpp`). */
const ARMSTATES: Record<string, { severity: Severity; words: string }> = {
  disarmed: { severity: 'info', words: 'disarmed' },
  armed_away: { severity: 'info', words: 'armed (away)' },
  armed_stay: { severity: 'info', words: 'armed (stay)' },
  armed_night: { severity: 'info', words: 'armed (night)' },
  arming_away: { severity: 'info', words: 'arming (away)' },
  arming_stay: { severity: 'info', words: 'arming (stay)' },
  arming_night: { severity: 'info', words: 'arming (night)' },
  exit_delay: { severity: 'info', words: 'exit delay running' },
  entry_delay: { severity: 'warning', words: 'entry delay: disarm now' },
  in_alarm: { severity: 'critical', words: 'IN ALARM' },
  not_ready: { severity: 'warning', words: 'not ready to arm' },
};

export function armstateOutcome(armstate: string): Outcome {
  const known = ARMSTATES[armstate];
  const slug = armstate.replace(/[^a-z0-9_]/gi, '').toLowerCase() || 'unknown';
  return {
    type: `deconz.alarm.${slug}`,
    severity: known?.severity ?? 'info',
    words: known?.words ?? `state ${armstate}`,
  };
}

/** Keypad (ZHAAncillaryControl) `action` values; the dangerous ones are critical. */
const KEYPAD: Record<string, { severity: Severity; words: string }> = {
  emergency: { severity: 'critical', words: 'EMERGENCY button pressed' },
  panic: { severity: 'critical', words: 'PANIC button pressed' },
  fire: { severity: 'critical', words: 'FIRE button pressed' },
  invalid_code: { severity: 'warning', words: 'invalid code entered' },
  armed_away: { severity: 'info', words: 'arm away requested' },
  armed_stay: { severity: 'info', words: 'arm stay requested' },
  armed_night: { severity: 'info', words: 'arm night requested' },
  disarmed: { severity: 'info', words: 'disarm requested' },
  already_disarmed: { severity: 'info', words: 'already disarmed' },
};

export function keypadOutcome(action: string): Outcome {
  const known = KEYPAD[action];
  const slug = action.replace(/[^a-z0-9_]/gi, '').toLowerCase() || 'unknown';
  return {
    type: `deconz.keypad.${slug}`,
    severity: known?.severity ?? 'info',
    words: known?.words ?? `keypad action ${action}`,
  };
}

/** Measurements raised as `sample` events (rules see each one; history keeps only what notified). */
export interface MeasureSpec {
  key: string;
  type: string;
  unit: string;
  /** deCONZ sends temperature and humidity in hundredths. */
  scale: number;
}

export const MEASUREMENTS: readonly MeasureSpec[] = [
  { key: 'temperature', type: 'deconz.sensor.temperature', unit: '°C', scale: 0.01 },
  { key: 'humidity', type: 'deconz.sensor.humidity', unit: '%', scale: 0.01 },
  { key: 'pressure', type: 'deconz.sensor.pressure', unit: 'hPa', scale: 1 },
  { key: 'power', type: 'deconz.sensor.power', unit: 'W', scale: 1 },
  { key: 'consumption', type: 'deconz.sensor.consumption', unit: 'Wh', scale: 1 },
  { key: 'lux', type: 'deconz.sensor.lux', unit: 'lx', scale: 1 },
];
