import type { SourceAdapter } from '../types';
import { TvheadendOptionsSchema, type TvheadendOptions } from './options';
import { tvheadendPresets } from './presets';
import { createTvheadendSession } from './session';

export const tvheadendAdapter: SourceAdapter<TvheadendOptions, 'tvheadend'> = {
  kind: 'tvheadend',
  displayName: 'Tvheadend',
  description:
    'TV server: recordings scheduled, started, completed or failed; who is streaming; low recording disk',
  defaultUrl: 'http://localhost:9981',
  fields: [
    {
      key: 'username',
      label: 'Username',
      type: 'string',
      placeholder: 'herald',
      help: 'A user with "Web interface" and DVR rights basic, all and failed; admin adds streaming and log events',
    },
    { key: 'password', label: 'Password', type: 'password', secret: true },
    {
      key: 'auth',
      label: 'Authentication',
      type: 'select',
      default: 'auto',
      options: [
        { value: 'auto', label: 'Automatic (what the server offers)' },
        { value: 'digest', label: 'Digest only' },
        { value: 'basic', label: 'Basic (server set to "Plain" or "Both")' },
      ],
    },
    {
      key: 'diskLowGiB',
      label: 'Warn below (GiB free)',
      type: 'number',
      default: 10,
      help: 'Free space on the recording disk; 0 turns the warning off',
    },
    {
      key: 'includeInternalStreams',
      label: 'Report internal streams',
      type: 'boolean',
      default: false,
      help: 'Also report the recorder, EPG grabber and scans as streaming',
    },
    { key: 'logErrors', label: 'Report log errors (admin accounts)', type: 'boolean', default: true },
  ],
  optionsSchema: TvheadendOptionsSchema,
  secretFields: ['password'],
  presets: tvheadendPresets,
  createSession: createTvheadendSession,
};
