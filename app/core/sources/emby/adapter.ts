import type { SourceAdapter } from '../types';
import { EmbyOptionsSchema, embyFields } from './options';
import type { EmbyOptions } from './options';
import { embyPresets } from './presets';
import { createEmbySession } from './session';

/** Emby 4.x, Jellyfin and the old Media Browser 3 socket behind one source; the flavour picks the dialect. */
export const embyAdapter: SourceAdapter<EmbyOptions, 'emby'> = {
  kind: 'emby',
  displayName: 'Emby / Jellyfin',
  description:
    'Messages from the dashboard, playback, new media, failed sign-ins and server restarts from Emby or Jellyfin.',
  defaultUrl: 'http://localhost:8096',
  fields: embyFields,
  optionsSchema: EmbyOptionsSchema,
  // deviceId is not a form field: Herald generates it once and keeps it beside the token, and tokenUser
  // names the account the token was signed in for (a changed username must sign in again).
  secretFields: ['apiKey', 'password', 'token', 'tokenUser', 'deviceId'],
  presets: embyPresets,
  createSession: createEmbySession,
};
