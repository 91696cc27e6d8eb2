import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a request says about its caller: the `MediaBrowser …` / `Emby …` header parts plus any token. */
export interface Caller {
  client?: string;
  device?: string;
  deviceId?: string;
  version?: string;
  token?: string;
  /** Where the token came from; Jellyfin 12 refuses the legacy places. */
  via?: 'authorization' | 'ApiKey' | 'legacy';
}

export interface TokenInfo {
  token: string;
  kind: 'apiKey' | 'user';
  user?: string;
  deviceId?: string;
  client?: string;
  device?: string;
}

export interface FakeUser {
  id: string;
  name: string;
  password: string;
  admin: boolean;
}

/** `MediaBrowser Client="…", Token="…"`: split on `,` and `=`, quotes trimmed, values URL-decoded (as the server does). */
export function parseAuthHeader(value: string | undefined): Record<string, string> | undefined {
  if (!value) return undefined;
  const match = /^\s*(MediaBrowser|Emby)\s+(.*)$/i.exec(value);
  if (!match) return undefined;
  const out: Record<string, string> = {};
  for (const part of match[2]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const raw = part
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
    try {
      out[key] = decodeURIComponent(raw);
    } catch {
      out[key] = raw;
    }
  }
  return out;
}

export function callerOf(req: IncomingMessage, url: URL, legacyAllowed: boolean): Caller {
  const header = req.headers.authorization;
  const embyHeader = req.headers['x-emby-authorization'];
  const parts =
    parseAuthHeader(header) ??
    (legacyAllowed ? parseAuthHeader(typeof embyHeader === 'string' ? embyHeader : undefined) : undefined) ??
    {};
  const caller: Caller = {
    client: parts.Client,
    device: parts.Device,
    deviceId: parts.DeviceId,
    version: parts.Version,
  };
  if (parts.Token) return { ...caller, token: parts.Token, via: 'authorization' };
  const apiKey = url.searchParams.get('ApiKey');
  if (apiKey) return { ...caller, token: apiKey, via: 'ApiKey' };
  const legacy =
    url.searchParams.get('api_key') ??
    headerString(req.headers['x-emby-token']) ??
    headerString(req.headers['x-mediabrowser-token']);
  if (legacy) return { ...caller, token: legacy, via: 'legacy' };
  return caller;
}

function headerString(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function newToken(): string {
  return randomBytes(16).toString('hex');
}

/** Jellyfin's session id: MD5(client + deviceId), N-format. */
export function sessionIdFor(client: string, deviceId: string): string {
  return createHash('md5').update(`${client}${deviceId}`).digest('hex');
}

export function hexId(seed: string): string {
  return createHash('md5').update(seed).digest('hex');
}
