import { AuthFailedError } from '../../connection/types';
import type { HttpClient, HttpResponse } from '../../http/types';
import { HttpError } from '../../http/types';
import { ChallengeError, type HttpAuth } from './digest-auth';
import { dvrEntriesFrom, epgEventFrom, subscriptionsFrom } from './normalise';
import { DVR_FIELDS, type DvrEntryWire, type EpgEventWire, type SubscriptionWire } from './protocol';

/** The account may not read this (Tvheadend answers 403 = EPERM). Not a wrong password: the upgrade worked. */
export class ForbiddenError extends Error {
  constructor(readonly path: string) {
    super(`the Tvheadend account may not read ${path} (403)`);
    this.name = 'ForbiddenError';
  }
}

const DVR_LIST = DVR_FIELDS.join(',');

/**
 * The few HTTP API calls Herald makes, each with HTTP auth. Parameters go as a form body (the client
 * sends Content-Length, without which Tvheadend drops the connection); list arguments are JSON strings.
 */
export class TvhApi {
  constructor(
    private readonly http: HttpClient,
    /** `http(s)://host:port[/http_root]`, no trailing slash. */
    private readonly base: string,
    private readonly auth: HttpAuth,
  ) {}

  /** POST with auth; on 401 take the fresh challenge (expired nonce) and retry once. */
  async post(path: string, form: Record<string, string>): Promise<HttpResponse> {
    const url = `${this.base}${path}`;
    const uri = new URL(url).pathname;
    const send = (): Promise<HttpResponse> => {
      const authorization = this.auth.header('POST', uri);
      return this.http.request({
        url,
        method: 'POST',
        form,
        headers: authorization ? { Authorization: authorization } : {},
      });
    };
    let res = await send();
    if (res.status === 401) {
      try {
        this.auth.accept(res.headers['www-authenticate']);
      } catch (err) {
        if (err instanceof ChallengeError) throw new AuthFailedError(err.message, err.hint);
        throw err;
      }
      res = await send();
      if (res.status === 401)
        throw new AuthFailedError('Tvheadend refused the credentials', 'check the username and password');
    }
    if (res.status === 403) throw new ForbiddenError(path);
    if (res.status < 200 || res.status >= 300)
      throw new HttpError(`HTTP ${res.status} from ${path}`, url, res.status);
    return res;
  }

  /** Loads DVR entries by uuid in one call; unknown (deleted) uuids are simply absent from the answer. */
  async loadDvr(uuids: string[]): Promise<DvrEntryWire[]> {
    if (uuids.length === 0) return [];
    const uuid = uuids.length === 1 ? uuids[0]! : JSON.stringify(uuids);
    const res = await this.post('/api/idnode/load', { uuid, grid: '1', list: DVR_LIST });
    return dvrEntriesFrom(res.json());
  }

  /** Every DVR entry the account may see (upcoming, recording, finished, failed, removed). */
  async dvrGrid(): Promise<DvrEntryWire[]> {
    const res = await this.post('/api/dvr/entry/grid', {
      start: '0',
      limit: '100000',
      list: `uuid,${DVR_LIST}`,
    });
    return dvrEntriesFrom(res.json());
  }

  async subscriptions(): Promise<SubscriptionWire[]> {
    const res = await this.post('/api/status/subscriptions', {});
    return subscriptionsFrom(res.json());
  }

  async epgEvent(eventId: string): Promise<EpgEventWire | undefined> {
    const res = await this.post('/api/epg/events/load', { eventId });
    return epgEventFrom(res.json());
  }
}
