import { hostname } from 'node:os';
import { z } from 'zod';
import type { FieldSpec } from '../types';

export const flavours = ['auto', 'emby-legacy', 'emby', 'jellyfin'] as const;
export type FlavourChoice = (typeof flavours)[number];
export type Flavour = Exclude<FlavourChoice, 'auto'>;

export const EmbyOptionsSchema = z.object({
  /** Which server and socket dialect; `auto` asks `/System/Info/Public` (and `/System/Info` for the legacy port). */
  flavour: z.enum(flavours).default('auto'),
  /** Account for the username/password sign-in; without it the `apiKey` secret is used. */
  username: z.string().optional(),
  /**
   * Stable device id. The server ties tokens and the session id to it, and a second sign-in with the same
   * device id revokes the first token, so it must be ours alone. Generated once (kept as a secret) when empty.
   */
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  /** How Herald shows up in the server's device and session lists. */
  deviceName: z.string().min(1).max(64).default(`Herald on ${hostname()}`),
  /**
   * Advertise remote control so the Jellyfin dashboard shows "Send message" for Herald's session. Herald
   * declares no playable media types and ignores Play commands, so nothing can be played on it.
   */
  remoteControl: z.boolean().default(true),
  /** Application KeepAlive interval (Jellyfin drops sockets that are silent for 60 s; the note says every 30 s). */
  keepaliveSeconds: z.number().min(0.05).max(300).default(30),
  /** LibraryChanged: how many added items to look up by name (0 = counts only). */
  nameLookups: z.number().int().min(0).max(20).default(5),
});
export type EmbyOptions = z.infer<typeof EmbyOptionsSchema>;

export const embyFields: FieldSpec[] = [
  {
    key: 'flavour',
    label: 'Server',
    type: 'select',
    default: 'auto',
    options: [
      { value: 'auto', label: 'Detect automatically' },
      { value: 'jellyfin', label: 'Jellyfin (10.6 and later)' },
      { value: 'emby', label: 'Emby 4.x' },
      { value: 'emby-legacy', label: 'Emby / Media Browser 3 (separate WebSocket port)' },
    ],
  },
  {
    key: 'username',
    label: 'Username',
    type: 'string',
    help: 'An administrator account gives the full event set (library, tasks, plugins, failed logins).',
  },
  { key: 'password', label: 'Password', type: 'password', secret: true },
  {
    key: 'apiKey',
    label: 'API key',
    type: 'password',
    secret: true,
    help: 'Instead of a username: Dashboard → API Keys. On Jellyfin an API key gets fewer events.',
  },
  { key: 'deviceName', label: 'Device name', type: 'string', placeholder: 'Herald on this computer' },
  {
    key: 'remoteControl',
    label: 'Allow "Send message" from the dashboard',
    type: 'boolean',
    default: true,
  },
];
