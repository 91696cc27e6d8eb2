import type { RuleInput } from '../../../shared/rules';

const kinds = ['deconz'];

/**
 * Defaults that make a fresh install useful. Safety events are critical (they pass quiet hours by
 * severity); doors and windows opening notify quietly; buttons are recorded only, because remotes
 * usually drive lights and a notification per press would be noise (a user rule can notify instead).
 */
export const DECONZ_PRESETS: RuleInput[] = [
  {
    id: 'preset:deconz:water',
    name: 'deCONZ: water leak',
    kinds,
    types: ['deconz.sensor.water'],
    action: { type: 'notify', urgency: 'critical' },
  },
  {
    id: 'preset:deconz:fire',
    name: 'deCONZ: smoke or fire',
    kinds,
    types: ['deconz.sensor.fire'],
    action: { type: 'notify', urgency: 'critical' },
  },
  {
    id: 'preset:deconz:co',
    name: 'deCONZ: carbon monoxide',
    kinds,
    types: ['deconz.sensor.co'],
    action: { type: 'notify', urgency: 'critical' },
  },
  {
    id: 'preset:deconz:alarm',
    name: 'deCONZ: alarm (IAS sensor, alarm system, keypad emergency)',
    kinds,
    types: [
      'deconz.sensor.alarm',
      'deconz.alarm.in_alarm',
      'deconz.keypad.emergency',
      'deconz.keypad.panic',
      'deconz.keypad.fire',
    ],
    action: { type: 'notify', urgency: 'critical' },
  },
  {
    id: 'preset:deconz:alarm-system',
    name: 'deCONZ: alarm system armed, disarmed or entry delay',
    kinds,
    types: ['deconz.alarm.*', 'deconz.keypad.invalid_code'],
    cooldown: '1m',
    action: { type: 'notify', urgency: 'normal' },
  },
  {
    id: 'preset:deconz:doors',
    name: 'deCONZ: door or window opened',
    kinds,
    types: ['deconz.sensor.open'],
    action: { type: 'notify', urgency: 'low' },
  },
  {
    id: 'preset:deconz:tamper',
    name: 'deCONZ: sensor tampered with',
    kinds,
    types: ['deconz.sensor.tampered'],
    cooldown: '1h',
    action: { type: 'notify', urgency: 'normal' },
  },
  {
    id: 'preset:deconz:buttons',
    name: 'deCONZ: button presses (recorded)',
    kinds,
    types: ['deconz.button', 'deconz.rotary', 'deconz.keypad.*'],
    action: { type: 'record' },
  },
  {
    id: 'preset:deconz:battery',
    name: 'deCONZ: low battery',
    kinds,
    types: ['deconz.battery.low'],
    cooldown: '24h',
    // One physical device exposes several resources: warn once per device.
    key: '{{sourceId}}|battery|{{data.device}}{{^data.device}}{{entity.id}}{{/data.device}}',
    action: { type: 'notify', urgency: 'low' },
  },
  {
    id: 'preset:deconz:unreachable',
    name: 'deCONZ: device unreachable',
    kinds,
    types: ['deconz.device.unreachable'],
    cooldown: '6h',
    action: { type: 'notify', urgency: 'normal' },
  },
];
