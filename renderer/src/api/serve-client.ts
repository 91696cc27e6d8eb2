import { createHeraldApi } from '../../../app/shared/api';
import type { ApiResult, HeraldApi, PushChannel, WirePush, WireResponse } from '../../../app/shared/api';

export type ConnectionState = 'connecting' | 'open' | 'closed';

const TOKEN_KEY = 'herald.token';
const REQUEST_TIMEOUT_MS = 15_000;

/** Takes the token from `?token=` once, keeps it for reloads of this tab and removes it from the address bar. */
export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

interface Pending {
  resolve(result: ApiResult<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * `window.herald` for `herald serve`: the API over the page's own WebSocket, reconnecting with a capped
 * backoff. Requests made while disconnected wait for the socket; those in flight when it drops fail.
 */
export function createServeClient(token: string, socketUrl = defaultSocketUrl(token)) {
  const listeners = new Map<PushChannel, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const pending = new Map<number, Pending>();
  // Frames waiting for the socket; one whose request already failed (timed out) is never sent.
  const outbox: { id: number; frame: string }[] = [];
  let socket: WebSocket | undefined;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const settle = (id: number, result: ApiResult<unknown>) => {
    const entry = pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.delete(id);
    const queued = outbox.findIndex((item) => item.id === id);
    if (queued >= 0) outbox.splice(queued, 1);
    entry.resolve(result);
  };

  function failPending(message: string) {
    for (const id of [...pending.keys()]) settle(id, { ok: false, error: { code: 'disconnected', message } });
  }

  function open() {
    setState('connecting');
    const ws = new WebSocket(socketUrl);
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      setState('open');
      for (const { frame } of outbox.splice(0)) ws.send(frame);
    };
    ws.onmessage = (message) => {
      let frame: Partial<WireResponse & WirePush>;
      try {
        frame = JSON.parse(String(message.data)) as Partial<WireResponse & WirePush>;
      } catch {
        return;
      }
      if (typeof frame.id === 'number' && frame.result) settle(frame.id, frame.result);
      else if (frame.push) for (const listener of listeners.get(frame.push) ?? []) listener(frame.payload);
    };
    ws.onclose = () => {
      failPending('lost the connection to Herald');
      setState('closed');
      if (stopped) return;
      attempts += 1;
      retryTimer = setTimeout(open, Math.min(10_000, 500 * 2 ** Math.min(attempts, 5)));
    };
  }

  const api: HeraldApi = createHeraldApi({
    invoke(channel, request) {
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, request });
      return new Promise((resolve) => {
        const timer = setTimeout(
          () =>
            settle(id, {
              ok: false,
              error: { code: 'disconnected', message: 'Herald did not answer in time' },
            }),
          REQUEST_TIMEOUT_MS,
        );
        pending.set(id, { resolve, timer });
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else outbox.push({ id, frame });
      });
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  });

  open();
  return {
    api,
    state: () => state,
    onState(listener: (state: ConnectionState) => void) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    /** Stops reconnecting and fails whatever is still waiting (tests; a page just unloads). */
    close() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      outbox.length = 0;
      failPending('the client was closed');
      socket?.close();
    },
  };
}

function defaultSocketUrl(token: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/api?token=${encodeURIComponent(token)}`;
}
