import WebSocket from 'ws';
import type { ConnectionState } from '../../shared/source-status';
import { createBackoff } from './backoff';
import { describeClose, describeError, errorMessage } from './errors';
import { DEFAULT_HEARTBEAT, startWatchdog } from './heartbeat';
import type { Watchdog } from './heartbeat';
import { CertificateError } from './tls';
import { closeWebSocket, frameText, openWebSocket } from './ws-open';
import type { WebSocketLike } from './ws-open';
import { AuthFailedError } from './types';
import type {
  ConnectTarget,
  ConnectionStatusUpdate,
  ReconnectingSocket,
  ReconnectingSocketOptions,
  SocketLink,
} from './types';

export const DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
/** prepare() may log in over HTTP (several requests, each with its own timeout): give it room. */
const PREPARE_TIMEOUT_MS = 60_000;
/** close() waits this long for the close handshake before cutting the TCP connection. */
const CLOSE_GRACE_MS = 1_000;
const AUTH_HINT = 'check the user name, password, token or API key in the source settings, then reconnect';

/** Why an attempt ended, decided by whoever noticed first; the 'close' event then acts on it. */
interface Failure {
  message: string;
  hint?: string;
  auth?: boolean;
}

/** One connection attempt. Every event handler checks it is still `current`, so a replaced socket's
 * late events (close, message, a slow prepare()) cannot touch its successor. */
interface Attempt {
  ws?: WebSocketLike;
  abort: AbortController;
  link: SocketLink;
  openSince?: number;
  failure?: Failure;
  timers: Set<ReturnType<typeof setTimeout>>;
  watchdog?: Watchdog;
  connectTimer?: ReturnType<typeof setTimeout>;
  ended: boolean;
}

export function createReconnectingSocket(opts: ReconnectingSocketOptions): ReconnectingSocket {
  const now = opts.now ?? Date.now;
  const backoff = createBackoff(opts.backoff, opts.random);
  const heartbeat = {
    intervalMs: opts.heartbeat?.intervalMs ?? DEFAULT_HEARTBEAT.intervalMs,
    timeoutMs: opts.heartbeat?.timeoutMs ?? DEFAULT_HEARTBEAT.timeoutMs,
  };
  const maxFrameBytes = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const connectTimeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const open = opts.openWebSocket ?? openWebSocket;

  let status: ConnectionStatusUpdate = { state: 'idle' };
  let current: Attempt | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const closing = new Set<Promise<void>>();

  const publish = (next: ConnectionStatusUpdate) => {
    status = Object.fromEntries(
      Object.entries(next).filter(([, v]) => v !== undefined),
    ) as ConnectionStatusUpdate;
    guard(() => opts.onStatus?.({ ...status }));
  };
  const badFrame = (reason: string) => guard(() => opts.onBadFrame?.(reason));

  const newAttempt = (): Attempt => {
    const attempt: Attempt = {
      abort: new AbortController(),
      timers: new Set(),
      ended: false,
      link: { send: (data) => sendOn(attempt, data) },
    };
    return attempt;
  };
  const later = (a: Attempt, ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      a.timers.delete(t);
      fn();
    }, ms);
    a.timers.add(t);
    return t;
  };
  const clearAttemptTimers = (a: Attempt) => {
    for (const t of a.timers) clearTimeout(t);
    a.timers.clear();
    a.watchdog?.stop();
  };

  function sendOn(a: Attempt, data: string | object): boolean {
    if (current !== a || !a.ws || a.ws.readyState !== WebSocket.OPEN) return false;
    a.ws.send(typeof data === 'string' ? data : JSON.stringify(data));
    return true;
  }

  function connect() {
    clearRetry();
    const a = newAttempt();
    current = a;
    publish({ state: 'connecting', lastError: status.lastError, hint: status.hint });
    // A status listener may have closed or resumed the socket: this attempt is then already over.
    if (current !== a) return;
    const prepareTimer = later(a, Math.max(PREPARE_TIMEOUT_MS, connectTimeoutMs), () =>
      fail(a, { message: 'timed out while preparing the connection' }),
    );
    Promise.resolve()
      .then(() => opts.prepare())
      .then(
        (target) => {
          clearTimeout(prepareTimer);
          a.timers.delete(prepareTimer);
          if (current === a && !a.ended) openSocket(a, target);
        },
        (err: unknown) => {
          if (current !== a || a.ended) return;
          if (err instanceof AuthFailedError) fail(a, authFailure(err));
          else fail(a, { message: describeError(err) });
        },
      );
  }

  function openSocket(a: Attempt, target: ConnectTarget) {
    let ws: WebSocketLike;
    try {
      ws = open(target, { tls: opts.tls, maxFrameBytes, connectTimeoutMs, signal: a.abort.signal });
    } catch (err) {
      fail(a, { message: `cannot connect to ${redact(target.url)}: ${describeError(err)}` });
      return;
    }
    a.ws = ws;
    a.connectTimer = later(a, connectTimeoutMs, () => fail(a, { message: 'timed out while connecting' }));
    ws.on('open', () => onOpen(a));
    ws.on('message', (data, isBinary) => onMessage(a, data, isBinary));
    ws.on('ping', () => a.watchdog?.activity());
    ws.on('pong', () => a.watchdog?.activity());
    ws.on('unexpected-response', (_req, res) => {
      const code = res.statusCode ?? 0;
      res.resume();
      if (code === 401 || code === 403) {
        fail(a, {
          message: `authentication failed (HTTP ${code} on the WebSocket upgrade)`,
          hint: AUTH_HINT,
          auth: true,
        });
      } else {
        const where = res.headers.location ? ` (redirect to ${redact(res.headers.location)})` : '';
        fail(a, { message: `server answered HTTP ${code} instead of a WebSocket upgrade${where}` });
      }
    });
    ws.on('error', (err) => {
      if (current !== a || a.failure) return;
      if ((err as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        badFrame(`frame larger than ${maxFrameBytes} bytes`);
        a.failure = { message: `a frame exceeded the size limit (${maxFrameBytes} bytes); reconnecting` };
      } else if (err instanceof CertificateError && err.fingerprint256) {
        a.failure = { message: describeError(err), hint: pinHint(err.fingerprint256) };
      } else {
        a.failure = { message: describeError(err) };
      }
    });
    ws.on('close', (code, reason) => onClosed(a, code, reason.toString('utf8')));
  }

  function onOpen(a: Attempt) {
    if (current !== a || a.ended) return;
    a.openSince = now();
    if (a.connectTimer) {
      clearTimeout(a.connectTimer);
      a.timers.delete(a.connectTimer);
    }
    publish({ state: 'open', openSince: a.openSince });
    if (current !== a) return; // closed or resumed from a status listener
    a.watchdog = startWatchdog({
      ...heartbeat,
      now,
      ping: () => guard(() => a.ws?.ping()),
      dead: (silentForMs) =>
        fail(a, {
          message: `connection lost: no answer to heartbeat for ${Math.round(silentForMs / 1000)} s`,
        }),
    });
    const keepalive = opts.keepalive;
    if (keepalive) {
      const tick = () => {
        guard(() => sendOn(a, keepalive.message()));
        later(a, keepalive.intervalMs, tick);
      };
      later(a, keepalive.intervalMs, tick);
    }
    // Called synchronously: the first frame may sit in the same TCP chunk as the upgrade response, and
    // a session must have run its onOpen before it sees any frame.
    if (opts.onOpen) {
      const onOpen = opts.onOpen;
      settle(
        () => onOpen(a.link),
        (err) => {
          if (err instanceof AuthFailedError) fail(a, authFailure(err));
          else fail(a, { message: `setup after connecting failed: ${errorMessage(err)}` });
        },
      );
    }
  }

  function onMessage(a: Attempt, data: WebSocket.RawData, isBinary: boolean) {
    if (current !== a || a.ended) return;
    a.watchdog?.activity();
    if (isBinary) {
      badFrame('binary frame');
      return;
    }
    settle(
      () => opts.onText(frameText(data), a.link),
      (err) => {
        // A session that learns from a frame that its credentials were refused stops the loop.
        if (err instanceof AuthFailedError) fail(a, authFailure(err));
        else badFrame(`frame handler failed: ${errorMessage(err)}`);
      },
    );
  }

  /** Ends an attempt for a reason; the 'close' event (or, without a socket, this call) moves on. */
  function fail(a: Attempt, failure: Failure) {
    if (current !== a || a.ended) return;
    a.failure ??= failure;
    if (a.ws) {
      a.abort.abort();
      a.ws.terminate();
    } else {
      onClosed(a, 1006, '');
    }
  }

  function onClosed(a: Attempt, code: number, reason: string) {
    if (a.ended) return;
    a.ended = true;
    clearAttemptTimers(a);
    a.abort.abort();
    if (current !== a) return;
    current = undefined;
    if (a.openSince !== undefined) {
      backoff.closedAfterOpen(now() - a.openSince);
      guard(() => opts.onClose?.(code, reason));
    }
    const failure = a.failure ?? { message: describeClose(code, reason) };
    if (failure.auth) {
      publish({ state: 'auth-failed', lastError: failure.message, hint: failure.hint ?? AUTH_HINT });
      return;
    }
    const delay = backoff.next();
    const nextRetryAt = now() + delay;
    // Armed before publishing, so a status listener that calls close() or resume() clears it.
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect();
    }, delay);
    publish({ state: 'backing-off', lastError: failure.message, hint: failure.hint, nextRetryAt });
  }

  function clearRetry() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  /** Drops the current attempt without acting on its end; resolves once its socket is gone. */
  function detach(graceful: boolean): Promise<void> {
    clearRetry();
    const a = current;
    current = undefined;
    if (!a) return Promise.resolve();
    clearAttemptTimers(a);
    a.abort.abort();
    if (!a.ws) {
      a.ended = true;
      return Promise.resolve();
    }
    const done = closeWebSocket(a.ws, graceful, CLOSE_GRACE_MS);
    closing.add(done);
    void done.then(() => closing.delete(done));
    return done;
  }

  return {
    get state(): ConnectionState {
      return status.state;
    },
    send(data) {
      return current ? sendOn(current, data) : false;
    },
    start() {
      if (current || retryTimer) return;
      backoff.reset();
      connect();
    },
    resume() {
      if (status.state === 'idle' || status.state === 'stopped') return;
      void detach(false);
      backoff.reset();
      connect();
    },
    async close() {
      const gone = detach(true);
      if (status.state !== 'stopped') publish({ state: 'stopped' });
      await gone;
      await Promise.all([...closing]);
    },
  };
}

/** Runs a callback that may throw or return a rejecting promise; either way `onError` gets the error. */
function settle(fn: () => unknown, onError: (err: unknown) => void): void {
  try {
    const result = fn();
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
      Promise.resolve(result).catch(onError);
    }
  } catch (err) {
    onError(err);
  }
}

function authFailure(err: AuthFailedError): Failure {
  return { message: err.message, hint: err.hint, auth: true };
}

function pinHint(fingerprint256: string): string {
  return `if this is your server's own certificate, trust it by pinning fingerprint SHA256:${fingerprint256} in the source's TLS settings`;
}

function guard(fn: () => unknown) {
  try {
    fn();
  } catch {
    // Listener failures must never take the connection loop down.
  }
}

/** URLs may carry tokens in the query (api_key=…): status text shows origin and path only. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'the configured URL';
  }
}
