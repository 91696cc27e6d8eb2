/**
 * Resolves a request URL against a source's base URL. The base is treated as a directory, so
 * `Sessions` under `http://host/emby` is `http://host/emby/Sessions`, while `/System/Info` is
 * origin-relative, as in any browser. ws(s) maps to http(s) so a socket URL can serve as the base.
 */
export function resolveHttpUrl(baseUrl: string, url: string): URL {
  const target = /^[a-z][a-z0-9+.-]*:/i.test(url)
    ? new URL(url)
    : new URL(url, asDirectory(toHttp(new URL(baseUrl))));
  return toHttp(target);
}

function asDirectory(base: URL): URL {
  const dir = new URL(base.href);
  if (!dir.pathname.endsWith('/')) dir.pathname += '/';
  dir.search = '';
  dir.hash = '';
  return dir;
}

function toHttp(url: URL): URL {
  if (url.protocol === 'ws:') url.protocol = 'http:';
  else if (url.protocol === 'wss:') url.protocol = 'https:';
  return url;
}

/** Origin and path only: queries may carry tokens (api_key=…), and error messages end up in logs. */
export function displayUrl(url: URL | string): string {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
