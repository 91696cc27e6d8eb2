import { COMET_PATH } from './protocol';

export interface TvhUrls {
  /** `http(s)://host:port[/http_root]` for the API, no trailing slash. */
  http: string;
  /** `ws(s)://host:port[/http_root]/comet/ws`. */
  ws: string;
  /** The web UI, for the events' link. */
  web: string;
}

/**
 * Accepts what users paste: `http://tvh:9981`, `tvh:9981`, `wss://proxy/tvh`, or the full `/comet/ws` URL.
 * A `--http_root` prefix is kept; TLS follows the scheme (https ↔ wss).
 */
export function tvhUrls(input: string): TvhUrls {
  const text = input.trim();
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new Error(`"${input}" is not an http(s) or ws(s) URL`);
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith(COMET_PATH)) path = path.slice(0, -COMET_PATH.length);
  const http = `${secure ? 'https' : 'http'}://${url.host}${path}`;
  return {
    http,
    ws: `${secure ? 'wss' : 'ws'}://${url.host}${path}${COMET_PATH}`,
    web: `${http}/`,
  };
}
