import { AuthFailedError } from '../../connection/types';
import { HttpError } from '../../http/types';
import type { HttpClient } from '../../http/types';
import { joinUrl } from './flavours';

export interface RestCallOptions {
  /** Send the token (default); off for sign-in and the public info call. */
  withToken?: boolean;
  timeoutMs?: number;
}

/**
 * The few REST calls beside the socket. Statuses map to what the caller can act on: 401/403 are
 * AuthFailedError (the token is bad), anything else non-2xx an HttpError naming the path.
 */
export class EmbyRest {
  constructor(
    private readonly http: HttpClient,
    private readonly base: string,
    private readonly headers: (withToken: boolean) => Record<string, string>,
  ) {}

  get<T>(path: string, opts: RestCallOptions = {}): Promise<T> {
    return this.call<T>('GET', path, undefined, opts);
  }

  post<T>(path: string, json: unknown, opts: RestCallOptions = {}): Promise<T> {
    return this.call<T>('POST', path, json, opts);
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    json: unknown,
    opts: RestCallOptions,
  ): Promise<T> {
    const url = joinUrl(this.base, path);
    const res = await this.http.request({
      url,
      method,
      headers: { Accept: 'application/json', ...this.headers(opts.withToken ?? true) },
      json,
      timeoutMs: opts.timeoutMs ?? 10_000,
    });
    if (res.status === 401 || res.status === 403) {
      throw new AuthFailedError(
        `${method} ${path}: HTTP ${res.status}${res.text ? ` (${res.text.slice(0, 80)})` : ''}`,
        'sign in again',
      );
    }
    if (res.status < 200 || res.status > 299)
      throw new HttpError(`${method} ${path}: HTTP ${res.status}`, url, res.status);
    if (res.status === 204 || res.text.trim() === '') return undefined as T;
    return res.json<T>();
  }
}
