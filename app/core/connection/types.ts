import type { ConnectionState } from '../../shared/source-status';
import type { TlsConfig } from '../../shared/settings';
import type { WebSocketOpener } from './ws-open';

/** Where and how to open the socket; computed afresh before every attempt (ports, nonces and tokens change). */
export interface ConnectTarget {
  url: string;
  headers?: Record<string, string>;
  protocols?: string[];
}

/** Thrown (by `prepare` or the upgrade) when the server refused our credentials: retrying will not help. */
export class AuthFailedError extends Error {
  constructor(
    message = 'authentication failed',
    /** What the user should do ("sign in again", "pair again"). */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'AuthFailedError';
  }
}

export interface BackoffOptions {
  /** First delay ceiling; full jitter picks uniformly in [0, ceiling]. */
  initialMs: number;
  maxMs: number;
  /** The attempt counter resets only after the socket stayed open this long. */
  resetAfterMs: number;
}

export interface HeartbeatOptions {
  /** Send a ws ping this often when nothing else arrived. */
  intervalMs: number;
  /** No frame and no pong for this long after a ping: the socket is dead, replace it. */
  timeoutMs: number;
}

/** An application-level keepalive some servers demand (Jellyfin's `KeepAlive`). */
export interface AppKeepalive {
  intervalMs: number;
  message: () => string;
}

export interface SocketLink {
  /** Send text (objects are JSON-encoded). Dropped with a false return when the socket is not open. */
  send(data: string | object): boolean;
}

export interface ConnectionStatusUpdate {
  state: ConnectionState;
  lastError?: string;
  hint?: string;
  nextRetryAt?: number;
  openSince?: number;
}

export interface ReconnectingSocketOptions {
  /** Called before every attempt. May throw AuthFailedError (stops retrying) or any Error (backs off). */
  prepare: () => Promise<ConnectTarget>;
  tls?: TlsConfig;
  /** Frames larger than this are dropped and reported (default 4 MiB). */
  maxFrameBytes?: number;
  backoff?: Partial<BackoffOptions>;
  heartbeat?: Partial<HeartbeatOptions>;
  keepalive?: AppKeepalive;
  /** Upgrade and open must complete within this (default 15 s). */
  connectTimeoutMs?: number;
  onOpen?: (link: SocketLink) => void | Promise<void>;
  onText: (text: string, link: SocketLink) => void | Promise<void>;
  /** A frame was unusable: binary, too large. The socket stays up. */
  onBadFrame?: (reason: string) => void;
  onClose?: (code: number, reason: string) => void;
  onStatus?: (status: ConnectionStatusUpdate) => void;
  /** Injected for tests; defaults to Date.now. */
  now?: () => number;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
  /** Builds each attempt's ws client; injected for tests that run without a real socket. */
  openWebSocket?: WebSocketOpener;
}

/**
 * A connection the source runner drives: the reconnecting WebSocket below, or a kind's own client
 * (a protocol that is not a WebSocket brings its own, see docs/adding-a-source.md).
 */
export interface Transport {
  start(): void;
  /** Tear down and reconnect at once, with a fresh attempt counter (after sleep/resume or a settings change). */
  resume(): void;
  /** Stop for good: no socket, no timer left behind. */
  close(): Promise<void>;
}

export interface ReconnectingSocket extends Transport, SocketLink {
  readonly state: ConnectionState;
}
