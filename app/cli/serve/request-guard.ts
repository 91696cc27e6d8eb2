import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The hosts the page may be reached by; anything else is a DNS-rebinding attempt or a stray request. */
export function allowedHosts(host: string, port: number): Set<string> {
  // Not `localhost`: the CSP's connect-src names the printed origin, and one origin keeps the check simple.
  return new Set([`${host === '::1' ? '[::1]' : host}:${port}`]);
}

export function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403; reason: string };

/**
 * A WebSocket upgrade is accepted only from the served page itself: right Host (no DNS rebinding),
 * an Origin that is the served origin (no other site in the user's browser), and the token.
 */
export function checkUpgrade(
  req: IncomingMessage,
  opts: { hosts: Set<string>; token: string },
): GuardVerdict {
  const hostHeader = req.headers.host ?? '';
  if (!opts.hosts.has(hostHeader)) return { ok: false, status: 403, reason: 'unexpected Host header' };
  const origin = req.headers.origin;
  if (!origin || !opts.hosts.has(originHost(origin)))
    return { ok: false, status: 403, reason: 'origin not allowed' };
  const url = new URL(req.url ?? '/', 'http://local');
  if (!sameToken(url.searchParams.get('token'), opts.token))
    return { ok: false, status: 401, reason: 'bad or missing token' };
  return { ok: true };
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host : '';
  } catch {
    return '';
  }
}
