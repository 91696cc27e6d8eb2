import WebSocket from 'ws';
import type { TlsConfig } from '../../shared/settings';
import { createSecureConnector } from './tls';
import type { ConnectTarget } from './types';

export interface OpenOptions {
  tls?: TlsConfig;
  maxFrameBytes: number;
  connectTimeoutMs: number;
  /** Aborting destroys a TLS socket still in its handshake. */
  signal: AbortSignal;
}

/** The part of a ws client the reconnecting socket uses, so a test can hand it a fake instead. */
export type WebSocketLike = Pick<
  WebSocket,
  'on' | 'once' | 'send' | 'ping' | 'terminate' | 'close' | 'readyState'
>;

/** Builds the client for one attempt; the reconnecting socket's injectable socket factory. */
export type WebSocketOpener = (target: ConnectTarget, options: OpenOptions) => WebSocketLike;

/** Builds the ws client for one attempt; throws on an unusable URL. http(s) is accepted as ws(s). */
export function openWebSocket(target: ConnectTarget, options: OpenOptions): WebSocket {
  const url = new URL(target.url);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  const secure = url.protocol === 'wss:';
  return new WebSocket(url, target.protocols ?? [], {
    headers: target.headers,
    // ws closes with 1009 and emits an error for a larger frame; the socket reports it and reconnects.
    maxPayload: options.maxFrameBytes,
    handshakeTimeout: options.connectTimeoutMs,
    // A redirect on a socket with credentials is suspicious; report it rather than follow it.
    followRedirects: false,
    // Home servers' frames are small; deflate only costs CPU and widens the size-limit bypass surface.
    perMessageDeflate: false,
    ...(secure
      ? {
          // Node's ws typings want net.createConnection's shape; the async (oncreate) form is what http
          // supports and what lets us check the certificate before any request byte is written.
          createConnection: createSecureConnector({
            tls: options.tls,
            timeoutMs: options.connectTimeoutMs,
            signal: options.signal,
          }) as unknown as NonNullable<WebSocket.ClientOptions['createConnection']>,
        }
      : {}),
  });
}

/** Resolves once the socket is closed: a close handshake when open (cut after `graceMs`), else at once. */
export function closeWebSocket(ws: WebSocketLike, graceful: boolean, graceMs: number): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise<void>((resolve) => {
    ws.once('close', () => resolve());
    if (graceful && ws.readyState === WebSocket.OPEN) {
      const cut = setTimeout(() => ws.terminate(), graceMs);
      ws.once('close', () => clearTimeout(cut));
      ws.close(1000, 'client closing');
    } else {
      ws.terminate();
    }
  });
}

/** Text of a frame whatever shape ws delivered it in. */
export function frameText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
