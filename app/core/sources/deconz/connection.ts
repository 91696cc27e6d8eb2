import type { ConnectTarget } from '../../connection/types';
import { AuthFailedError } from '../../connection/types';
import type { SocketConnection, SourceContext } from '../types';
import type { DeconzOptions } from './options';
import { PAIRING_HINT, pairWithRetries } from './pairing';
import type { GatewayConfig } from './protocol';
import type { GatewayRest } from './rest';
import { REVOKED_HINT, REVOKED_MESSAGE, RevokedKeyError } from './rest';
import type { DeconzSync } from './sync';

/** The API key a deCONZ session holds: from the settings, or obtained by pairing. */
export class GatewayKey {
  value: string | undefined;
  revoked = false;

  constructor(
    private readonly ctx: SourceContext<DeconzOptions>,
    initial: string | undefined,
  ) {
    this.value = initial?.trim() || undefined;
  }

  /** Paired and not refused: REST calls may use it. */
  get usable(): boolean {
    return this.value !== undefined && !this.revoked;
  }

  /** True (and said to the user once) when `err` is the gateway refusing the key. */
  noteRevoked(err: unknown): boolean {
    if (!(err instanceof RevokedKeyError)) return false;
    if (!this.revoked) this.ctx.warn(REVOKED_MESSAGE, REVOKED_HINT);
    this.revoked = true;
    return true;
  }
}

/**
 * The connect half of a deCONZ session. prepare(): pair if there is no key, then read the WebSocket port
 * from `/config` (it moved in v2.32 and may change on any restart). onOpen(): the REST snapshot, in frame
 * order (frames that arrive meanwhile wait behind it).
 */
export function createDeconzConnection(
  ctx: SourceContext<DeconzOptions>,
  key: GatewayKey,
  rest: GatewayRest,
  sync: DeconzSync,
): SocketConnection & { dispose(): void } {
  const opts = ctx.options;
  let disposed = false;
  const wakers = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakers.add(resolve);
      ctx.setTimeout(() => {
        wakers.delete(resolve);
        resolve();
      }, ms);
    });

  async function pair(): Promise<void> {
    const result = await pairWithRetries(ctx.http, {
      devicetype: opts.devicetype,
      timeoutMs: 3000,
      retryMs: opts.pairRetrySeconds * 1000,
      windowMs: opts.pairWindowSeconds * 1000,
      sleep,
      now: ctx.now,
      isCancelled: () => disposed,
      onLocked: (attempt) => {
        if (attempt === 1)
          ctx.warn('the gateway is locked: Herald is waiting to be allowed in', PAIRING_HINT);
        ctx.log.info(`deCONZ pairing: gateway locked (attempt ${attempt})`);
      },
    });
    if (result.ok) {
      key.value = result.apiKey;
      key.revoked = false;
      ctx.saveSecret('apiKey', result.apiKey);
      ctx.log.info('deCONZ pairing: got an API key');
      return;
    }
    if (result.reason === 'link-button') {
      const seconds = Math.round(opts.pairWindowSeconds);
      throw new AuthFailedError(`the gateway stayed locked for ${seconds} s: no API key yet`, PAIRING_HINT);
    }
    if (result.reason === 'refused') throw new AuthFailedError(result.message, PAIRING_HINT);
    throw new Error(result.message);
  }

  return {
    async prepare(): Promise<ConnectTarget> {
      if (!key.usable) await pair();
      let config: GatewayConfig;
      try {
        config = await rest.config();
      } catch (err) {
        key.noteRevoked(err);
        throw err;
      }
      return { url: websocketUrl(ctx.config.url, config, opts.secureWebsocket) };
    },
    async onOpen() {
      // The socket itself needs no key, but a revoked key means stale names and no resync: stop and say so.
      const refused = await sync.afterOpen();
      if (refused) throw refused;
    },
    heartbeat: { intervalMs: opts.pingIntervalSeconds * 1000, timeoutMs: opts.pingTimeoutSeconds * 1000 },
    dispose() {
      disposed = true;
      for (const wake of wakers) wake();
      wakers.clear();
    },
  };
}

/**
 * `ws://<host of the source URL>:<websocketport>/`. Up to v2.31 that is a dedicated port (443, 8080, 8088,
 * 20877 or random); from v2.32 it is usually the REST port itself, and `websocketport_wss` the HTTPS one.
 */
export function websocketUrl(sourceUrl: string, config: GatewayConfig, secure: boolean): string {
  let host: string;
  try {
    host = new URL(sourceUrl).hostname;
  } catch {
    throw new Error(`"${sourceUrl}" is not a URL`);
  }
  const port = secure ? config.websocketport_wss : config.websocketport;
  if (port === undefined) {
    throw new Error(
      secure
        ? 'the gateway reports no websocketport_wss (needs deCONZ 2.32 or later): turn off wss'
        : 'the gateway reports no websocketport in /config',
    );
  }
  return `${secure ? 'wss' : 'ws'}://${host}:${port}/`;
}
