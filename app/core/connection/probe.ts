import type { TlsConfig } from '../../shared/settings';
import type { ConnectTarget } from './types';
import { closeWebSocket, openWebSocket } from './ws-open';

/** How one WebSocket upgrade went: opened, answered with plain HTTP, or failed in transport. */
export type ProbeOutcome =
  { kind: 'open' } | { kind: 'http'; status: number; location?: string } | { kind: 'error'; error: unknown };

export interface ProbeOptions {
  tls?: TlsConfig;
  timeoutMs: number;
  /** Aborting ends the attempt at once (as a timeout). */
  signal?: AbortSignal;
}

/** Frames are not read; this only bounds what a server could push before the socket is closed again. */
const PROBE_MAX_FRAME_BYTES = 1024 * 1024;
const CLOSE_GRACE_MS = 500;

/**
 * One WebSocket upgrade to `target` with the same client the reconnecting socket uses (TLS pinning,
 * timeouts, no redirects), closed again as soon as it opened. Never rejects.
 */
export function probeWebSocket(target: ConnectTarget, opts: ProbeOptions): Promise<ProbeOutcome> {
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  return new Promise<ProbeOutcome>((resolve) => {
    let settled = false;
    let ws: ReturnType<typeof openWebSocket> | undefined;
    const timedOut = () =>
      Object.assign(new Error('timed out while connecting'), { code: 'ETIMEDOUT' as const });
    const finish = (outcome: ProbeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onOuterAbort);
      abort.signal.removeEventListener('abort', onAbort);
      resolve(outcome);
      if (ws) void closeWebSocket(ws, outcome.kind === 'open', CLOSE_GRACE_MS);
    };
    const onAbort = () => finish({ kind: 'error', error: timedOut() });
    const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
    if (opts.signal?.aborted) abort.abort();
    if (abort.signal.aborted) return onAbort();
    abort.signal.addEventListener('abort', onAbort, { once: true });
    try {
      ws = openWebSocket(target, {
        tls: opts.tls,
        maxFrameBytes: PROBE_MAX_FRAME_BYTES,
        connectTimeoutMs: opts.timeoutMs,
        signal: abort.signal,
      });
    } catch (error) {
      finish({ kind: 'error', error });
      return;
    }
    // Errors after the verdict (the close of a refused upgrade) only need a listener, not an answer.
    ws.on('error', (error) => finish({ kind: 'error', error }));
    ws.on('open', () => finish({ kind: 'open' }));
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      const location = res.headers.location;
      finish({ kind: 'http', status: res.statusCode ?? 0, ...(location ? { location } : {}) });
    });
    ws.on('close', () => finish({ kind: 'error', error: new Error('closed before the upgrade finished') }));
  });
}
