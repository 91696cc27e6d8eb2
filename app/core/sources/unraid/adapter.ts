import type { SourceAdapter } from '../types';
import { UnraidOptionsSchema } from './options';
import type { UnraidOptions } from './options';
import { unraidPresets } from './presets';
import { createUnraidSession } from './session';

/** The Unraid Management Agent: the maintained agent (port 8043) or the legacy UMA (port 34600). */
export const unraidAdapter: SourceAdapter<UnraidOptions, 'unraid'> = {
  kind: 'unraid',
  displayName: 'Unraid Management Agent',
  description: 'Unraid via the Management Agent plugin: containers, array, disks, UPS, Unraid notifications.',
  defaultUrl: 'http://tower.local:8043',
  optionsSchema: UnraidOptionsSchema,
  secretFields: ['token'],
  presets: unraidPresets,
  fields: [
    {
      key: 'flavour',
      label: 'Agent',
      type: 'select',
      default: 'auto',
      options: [
        { value: 'auto', label: 'Detect' },
        { value: 'current', label: 'Unraid Management Agent (port 8043, /api/v1/ws)' },
        { value: 'legacy', label: 'Legacy UMA (port 34600, per-topic sockets)' },
      ],
    },
    {
      key: 'token',
      label: 'API token',
      type: 'password',
      secret: true,
      help: 'Only if the agent has API_TOKEN set; sent as "Authorization: Bearer …"',
    },
    {
      key: 'diskWarningCelsius',
      label: 'Disk warning temperature (°C)',
      type: 'number',
      help: "Leave empty to use Unraid's own per-disk and global thresholds",
    },
    { key: 'diskCriticalCelsius', label: 'Disk critical temperature (°C)', type: 'number' },
    {
      key: 'containerHold',
      label: 'Hold container alerts for',
      type: 'string',
      default: '5s',
      help: 'So an array or Docker stop that follows replaces them with one alert',
    },
    {
      key: 'arraySettle',
      label: 'Quiet time after the array changes state',
      type: 'string',
      default: '2m',
    },
  ],
  createSession: createUnraidSession,
};
