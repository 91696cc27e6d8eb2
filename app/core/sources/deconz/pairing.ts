import type { HttpClient } from '../../http/types';
import { createdKeyOf, ERR_LINK_BUTTON_NOT_PRESSED, restErrorOf } from './protocol';

/** What the user must do while the gateway refuses to hand out a key. */
export const PAIRING_HINT = 'Open Phoscon → Gateway → Advanced → Authenticate app, then retry';

export type PairResult =
  | { ok: true; apiKey: string }
  | {
      ok: false;
      /**
       * `link-button`: the gateway is locked (error 101), unlock it in Phoscon and retry;
       * `unreachable`: no HTTP answer; `refused`: another REST error; `invalid`: not a deCONZ answer.
       */
      reason: 'link-button' | 'unreachable' | 'refused' | 'invalid';
      message: string;
    };

export interface PairOptions {
  /** Shown in Phoscon's list of apps; 0–40 characters. */
  devicetype: string;
  timeoutMs?: number;
}

/**
 * One attempt to obtain an API key: `POST /api {"devicetype"}`. deCONZ answers HTTP 403 with error type
 * 101 until the user unlocks the gateway in Phoscon (it then stays open for 60 s).
 */
export async function pairDeconz(http: HttpClient, opts: PairOptions): Promise<PairResult> {
  const devicetype = opts.devicetype.slice(0, 40);
  let status: number;
  let body: unknown;
  try {
    const res = await http.request({
      url: '/api',
      method: 'POST',
      json: { devicetype },
      timeoutMs: opts.timeoutMs ?? 10_000,
    });
    status = res.status;
    try {
      body = res.json();
    } catch {
      return {
        ok: false,
        reason: 'invalid',
        message: `the gateway answered HTTP ${status} without JSON: is this deCONZ?`,
      };
    }
  } catch (err) {
    return { ok: false, reason: 'unreachable', message: `cannot reach the gateway: ${errorText(err)}` };
  }
  const key = createdKeyOf(body);
  if (key) return { ok: true, apiKey: key };
  const error = restErrorOf(body);
  if (error?.type === ERR_LINK_BUTTON_NOT_PRESSED) {
    return { ok: false, reason: 'link-button', message: 'the gateway is locked (link button not pressed)' };
  }
  if (error)
    return {
      ok: false,
      reason: 'refused',
      message: `pairing refused: ${error.description} (error ${error.type})`,
    };
  return {
    ok: false,
    reason: 'invalid',
    message: `unexpected pairing answer (HTTP ${status}): is this deCONZ?`,
  };
}

export interface PairLoopOptions extends PairOptions {
  /** Pause between attempts while locked. */
  retryMs: number;
  /** Give up after this long (Phoscon unlocks for 60 s, so a similar window catches one unlock). */
  windowMs: number;
  /** Called on each locked answer, so the UI can tell the user what to do. */
  onLocked?: (attempt: number) => void;
  /** Sleeps; rejects or resolves early when the session is disposed. */
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  isCancelled?: () => boolean;
}

/**
 * Pair with retries while the gateway is locked, for a bounded time. Any other outcome (a key, an
 * unreachable gateway, a refusal) returns at once so the caller can decide.
 */
export async function pairWithRetries(http: HttpClient, opts: PairLoopOptions): Promise<PairResult> {
  const deadline = opts.now() + opts.windowMs;
  for (let attempt = 1; ; attempt++) {
    const result = await pairDeconz(http, opts);
    if (result.ok || result.reason !== 'link-button') return result;
    opts.onLocked?.(attempt);
    if (opts.isCancelled?.() || opts.now() + opts.retryMs > deadline) return result;
    await opts.sleep(opts.retryMs);
    if (opts.isCancelled?.()) return result;
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
