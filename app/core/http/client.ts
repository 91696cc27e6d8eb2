import http from 'node:http';
import https from 'node:https';
import type { TlsConfig } from '../../shared/settings';
import { describeError } from '../connection/errors';
import { createSecureConnector } from '../connection/tls';
import { AuthFailedError } from '../connection/types';
import { HttpError } from './types';
import type { HttpClient, HttpRequest, HttpResponse } from './types';
import { displayUrl, resolveHttpUrl } from './url';

export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;
export const DEFAULT_HTTP_MAX_BYTES = 8 * 1024 * 1024;

export interface HttpClientOptions {
  baseUrl: string;
  tls?: TlsConfig;
  defaultHeaders?: Record<string, string>;
}

/** Headers whose repeats are distinct values, not one comma-joined list. */
const ARRAY_HEADERS = new Set(['set-cookie', 'www-authenticate']);

export function createHttpClient(opts: HttpClientOptions): HttpClient {
  function request(req: HttpRequest): Promise<HttpResponse> {
    let url: URL;
    try {
      url = resolveHttpUrl(opts.baseUrl, req.url);
    } catch {
      return Promise.reject(
        new HttpError(`invalid URL "${req.url}" (base ${displayUrl(opts.baseUrl)})`, req.url),
      );
    }
    const shown = displayUrl(url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return Promise.reject(new HttpError(`unsupported URL scheme ${url.protocol} (${shown})`, shown));
    }
    const timeoutMs = req.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
    const maxBytes = req.maxBytes ?? DEFAULT_HTTP_MAX_BYTES;
    const headers: Record<string, string> = { ...opts.defaultHeaders, ...req.headers };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      setDefault(headers, 'Content-Type', 'application/json');
    } else if (req.form) {
      body = new URLSearchParams(req.form).toString();
      setDefault(headers, 'Content-Type', 'application/x-www-form-urlencoded');
    }
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    const method = req.method ?? (body !== undefined ? 'POST' : 'GET');

    return new Promise<HttpResponse>((resolve, reject) => {
      const abort = new AbortController();
      let settled = false;
      const settle = (err: Error | null, res?: HttpResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        abort.abort();
        if (err) reject(err);
        else if (res) resolve(res);
      };
      const secure = url.protocol === 'https:';
      const options: https.RequestOptions = { method, headers };
      if (secure) {
        options.createConnection = createSecureConnector({
          tls: opts.tls,
          timeoutMs,
          signal: abort.signal,
        }) as unknown as NonNullable<https.RequestOptions['createConnection']>;
      }
      const outgoing = (secure ? https : http).request(url, options, (res) => {
        const status = res.statusCode ?? 0;
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          outgoing.destroy();
          settle(
            new HttpError(
              `response from ${shown} is too large (${declared} bytes, limit ${maxBytes})`,
              shown,
              status,
            ),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            outgoing.destroy();
            settle(
              new HttpError(`response from ${shown} is too large (over ${maxBytes} bytes)`, shown, status),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          settle(null, makeResponse(shown, status, collectHeaders(res), text));
        });
        res.on('error', (err) =>
          settle(new HttpError(`${describeError(err)} (${shown})`, shown, status, err)),
        );
      });
      const timer = setTimeout(() => {
        outgoing.destroy();
        settle(new HttpError(`timed out after ${timeoutMs} ms (${shown})`, shown));
      }, timeoutMs);
      outgoing.on('error', (err) =>
        settle(new HttpError(`${describeError(err)} (${shown})`, shown, undefined, err)),
      );
      outgoing.end(body);
    });
  }

  async function getJson<T>(url: string, init: Omit<HttpRequest, 'url'> = {}): Promise<T> {
    const headers = { ...init.headers };
    if (!hasHeader({ ...opts.defaultHeaders, ...headers }, 'Accept')) headers.Accept = 'application/json';
    const res = await request({ ...init, headers, url });
    const shown = displayUrl(resolveHttpUrl(opts.baseUrl, url));
    if (res.status === 401 || res.status === 403) {
      throw new AuthFailedError(
        `authentication failed (HTTP ${res.status} from ${shown})`,
        'check the user name, password, token or API key in the source settings',
      );
    }
    if (res.status < 200 || res.status >= 300) {
      throw new HttpError(`HTTP ${res.status} from ${shown}${snippet(res.text)}`, shown, res.status);
    }
    if (res.status === 204 || res.text.trim() === '') return undefined as T;
    return res.json<T>();
  }

  return { request, getJson };
}

/** Header names are case-insensitive: only add ours when the caller set none under any spelling. */
function setDefault(headers: Record<string, string>, name: string, value: string): void {
  if (!hasHeader(headers, name)) headers[name] = value;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((k) => k.toLowerCase() === lower);
}

function collectHeaders(res: http.IncomingMessage): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(res.headersDistinct)) {
    if (!values) continue;
    out[name] = ARRAY_HEADERS.has(name) ? [...values] : values.join(', ');
  }
  return out;
}

function makeResponse(
  url: string,
  status: number,
  headers: Record<string, string | string[]>,
  text: string,
): HttpResponse {
  return {
    status,
    headers,
    text,
    json<T>(): T {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new HttpError(`response from ${url} is not JSON (HTTP ${status})${snippet(text)}`, url, status);
      }
    },
  };
}

/** A short taste of a body for error messages (an HTML login page says a lot). */
function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return '';
  return `: "${t.length > 80 ? `${t.slice(0, 80)}…` : t}"`;
}
