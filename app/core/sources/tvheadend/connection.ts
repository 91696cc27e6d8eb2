import { AuthFailedError, type ConnectTarget } from '../../connection/types';
import type { SocketConnection, SourceContext } from '../types';
import { ChallengeError, type HttpAuth } from './digest-auth';
import type { FrameSummary } from './normalise';
import type { TvheadendOptions } from './options';
import { COMET_PATH, COMET_SUBPROTOCOL, LOGIN_PATH } from './protocol';
import type { TvhUrls } from './urls';

export const NO_COMET_WS = 'this Tvheadend has no /comet/ws (4.2 or older); upgrade to 4.3+';

/**
 * The connect half of a Tvheadend session: Digest (or Basic) on the upgrade, and the comet mailbox
 * (`boxid`) asked for again on every reconnect so nothing queued for it is lost.
 */
export class TvheadendConnection implements SocketConnection {
  readonly heartbeat = { intervalMs: 20_000, timeoutMs: 15_000 };
  private boxid: string | undefined;
  private requestedBoxid: string | undefined;
  private firstFrame = true;
  private warnedLogin = false;

  constructor(
    private readonly ctx: SourceContext<TvheadendOptions>,
    private readonly urls: TvhUrls,
    private readonly auth: HttpAuth,
  ) {}

  async prepare(): Promise<ConnectTarget> {
    this.requestedBoxid = this.boxid;
    const query = this.boxid ? `?boxid=${encodeURIComponent(this.boxid)}` : '';
    // An unauthenticated GET costs one 401 (logged by Tvheadend at DEBUG only) and yields a fresh nonce,
    // so the upgrade never meets an expired one; a 404 here means the server predates the WebSocket.
    const probe = await this.ctx.http.request({
      url: `${this.urls.http}${COMET_PATH}`,
      method: 'GET',
      timeoutMs: 10_000,
    });
    if (probe.status === 404) throw new Error(NO_COMET_WS);
    let challenged = probe.status === 401 ? probe : undefined;
    if (!challenged && this.auth.hasCredentials) {
      // No challenge: the server grants anonymous access (an access entry for "*"), and sending nothing
      // would silently run with those (usually lesser) rights. /login answers any request without
      // credentials with 401 + challenge (src/webui/webui.c page_login), so the configured account is used.
      const login = await this.ctx.http.request({
        url: `${this.urls.http}${LOGIN_PATH}`,
        method: 'GET',
        timeoutMs: 10_000,
      });
      if (login.status === 401) challenged = login;
      else if (!this.warnedLogin) {
        this.warnedLogin = true;
        this.ctx.log.warn(
          `tvheadend: the server asked for no credentials and ${LOGIN_PATH} answered HTTP ${login.status}; connecting without them`,
        );
      }
    }
    const headers: Record<string, string> = {};
    if (challenged) {
      try {
        this.auth.accept(challenged.headers['www-authenticate']);
      } catch (err) {
        if (err instanceof ChallengeError) throw new AuthFailedError(err.message, err.hint);
        throw err;
      }
      const authorization = this.auth.header('GET', `${new URL(this.urls.ws).pathname}${query}`);
      if (authorization) headers.Authorization = authorization;
    }
    return { url: `${this.urls.ws}${query}`, headers, protocols: [COMET_SUBPROTOCOL] };
  }

  onOpen(): void {
    this.firstFrame = true;
  }

  /**
   * Called at each frame's arrival, not in the frame queue, so a reconnect racing queued work still asks
   * for the right mailbox. True when the server gave us a new mailbox: what the old one held is lost,
   * so the whole state must be read again.
   */
  mailboxReplaced(summary: FrameSummary): boolean {
    if (summary.boxid === undefined || !this.firstFrame) return false;
    this.firstFrame = false;
    const replaced = this.requestedBoxid === undefined || summary.boxid !== this.requestedBoxid;
    this.boxid = summary.boxid;
    return replaced;
  }
}
