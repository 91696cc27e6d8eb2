import type { SourceAdapter } from '../types';
import type { DeconzOptions } from './options';
import { DeconzOptionsSchema } from './options';
import { PAIRING_HINT } from './pairing';
import { DECONZ_PRESETS } from './presets';
import { createDeconzSession } from './session';

export const deconzAdapter: SourceAdapter<DeconzOptions, 'deconz'> = {
  kind: 'deconz',
  displayName: 'deCONZ / Phoscon',
  description:
    'Zigbee sensors, switches and lights on a ConBee/RaspBee gateway: leaks, doors, buttons, alarms.',
  defaultUrl: 'http://phoscon.local:80',
  // Without a key (or after "Pair again" cleared a refused one) the session pairs through Phoscon.
  pairing: { secretField: 'apiKey' },
  fields: [
    {
      key: 'apiKey',
      label: 'API key',
      type: 'password',
      secret: true,
      required: false,
      help: `Leave empty to pair: Herald asks the gateway for a key. ${PAIRING_HINT}.`,
    },
    {
      key: 'lowBatteryPercent',
      label: 'Low battery at (%)',
      type: 'number',
      default: 20,
    },
    {
      key: 'secureWebsocket',
      label: 'Use wss:// (deCONZ 2.32+, self-signed certificate)',
      type: 'boolean',
      default: false,
      help: 'Needs the gateway certificate trusted in the TLS settings (fingerprint).',
    },
    {
      key: 'includeClip',
      label: 'Include virtual CLIP sensors',
      type: 'boolean',
      default: false,
    },
    {
      key: 'refreshMinutes',
      label: 'Refresh device names every (minutes)',
      type: 'number',
      default: 10,
    },
    {
      key: 'devicetype',
      label: 'App name shown in Phoscon',
      type: 'string',
      placeholder: 'herald#<computer name>',
    },
  ],
  optionsSchema: DeconzOptionsSchema,
  secretFields: ['apiKey'],
  presets: DECONZ_PRESETS,
  createSession: createDeconzSession,
};
