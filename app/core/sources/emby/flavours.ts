import type { ConnectTarget } from '../../connection/types';
import type { Flavour } from './options';
import type { PublicSystemInfo, SystemInfo } from './protocol';

/** The server's REST root as the user typed it (ws→http, no trailing slash, no query): BaseUrl stays in. */
export function restBase(configUrl: string): string {
  const url = new URL(configUrl);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  if (url.protocol === 'wss:') url.protocol = 'https:';
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`unsupported URL scheme in ${configUrl}`);
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/** The same root without `user:password@`, for URLs people see (event links). */
export function withoutCredentials(base: string): string {
  const url = new URL(base);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/+$/, '');
}

export function joinUrl(base: string, path: string): string {
  return `${base}/${path.replace(/^\/+/, '')}`;
}

/** Jellyfin names itself (`ProductName: "Jellyfin Server"`); Emby's public info has no ProductName. */
export function flavourFromPublicInfo(info: PublicSystemInfo): 'jellyfin' | 'emby' {
  return /jellyfin/i.test(info.ProductName ?? '') ? 'jellyfin' : 'emby';
}

/** Media Browser 3 era servers run the socket on its own port (`WebSocketPortNumber` ≠ the HTTP port). */
export function legacySocketPort(info: SystemInfo, base: string): number | undefined {
  const port = info.WebSocketPortNumber;
  if (typeof port !== 'number' || !Number.isInteger(port) || port <= 0 || port > 65535) return undefined;
  return port === httpPort(base) ? undefined : port;
}

function httpPort(base: string): number {
  const url = new URL(base);
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

export interface SocketParams {
  flavour: Flavour;
  base: string;
  token: string;
  deviceId: string;
  /** `Authorization: MediaBrowser …` value (Jellyfin wants the token in it; the legacy api_key is off in 12.0). */
  authorization: string;
  /** The legacy separate port (from `/System/Info`). */
  legacyPort?: number;
}

export function socketTarget(p: SocketParams): ConnectTarget {
  const url = new URL(p.base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const basePath = url.pathname.replace(/\/+$/, '');
  switch (p.flavour) {
    case 'jellyfin':
      url.pathname = `${basePath}/socket`;
      return { url: url.toString(), headers: { Authorization: p.authorization } };
    case 'emby':
      url.pathname = `${basePath}/embywebsocket`;
      url.search = new URLSearchParams({ api_key: p.token, deviceId: p.deviceId }).toString();
      return { url: url.toString() };
    case 'emby-legacy':
      // The old server reads api_key/deviceId too; the Identity message after open is what binds the session.
      if (p.legacyPort) url.port = String(p.legacyPort);
      url.pathname = '/mediabrowser';
      url.search = new URLSearchParams({ api_key: p.token, deviceId: p.deviceId }).toString();
      return { url: url.toString() };
  }
}

/** Where a notification click should land in the server's web UI. */
export function webLink(flavour: Flavour, base: string, itemId?: string): string {
  const id = itemId ? encodeURIComponent(itemId) : undefined;
  if (flavour === 'jellyfin') return id ? `${base}/web/#/details?id=${id}` : `${base}/web/#/dashboard`;
  return id ? `${base}/web/index.html#!/item?id=${id}` : `${base}/web/index.html#!/dashboard`;
}
