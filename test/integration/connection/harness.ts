import { afterEach } from 'vitest';
import { createReconnectingSocket } from '../../../app/core/connection/reconnecting-socket';
import type {
  ConnectionStatusUpdate,
  ReconnectingSocket,
  ReconnectingSocketOptions,
} from '../../../app/core/connection/types';
import { startWsServer } from '../../helpers/ws-server';
import type { TestWsServer, WsServerOptions } from '../../helpers/ws-server';

/** Polls until `pred` holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(pred: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c().catch(() => undefined)));
});

export async function server(options?: WsServerOptions): Promise<TestWsServer> {
  const s = await startWsServer(options);
  cleanups.push(() => s.close());
  return s;
}

export interface Client {
  socket: ReconnectingSocket;
  texts: string[];
  bad: string[];
  statuses: ConnectionStatusUpdate[];
  states(): string[];
  last(): ConnectionStatusUpdate | undefined;
}

/** A socket with short test timings, recorded callbacks, closed after each test. */
export function client(
  url: string | (() => string),
  extra: Partial<ReconnectingSocketOptions> = {},
  headers?: Record<string, string>,
): Client {
  const texts: string[] = [];
  const bad: string[] = [];
  const statuses: ConnectionStatusUpdate[] = [];
  const socket = createReconnectingSocket({
    prepare: async () => ({ url: typeof url === 'string' ? url : url(), headers }),
    onText: (t) => {
      texts.push(t);
    },
    onBadFrame: (r) => bad.push(r),
    onStatus: (s) => statuses.push(s),
    backoff: { initialMs: 20, maxMs: 100, resetAfterMs: 10_000 },
    connectTimeoutMs: 3_000,
    ...extra,
  });
  cleanups.push(() => socket.close());
  return {
    socket,
    texts,
    bad,
    statuses,
    states: () => statuses.map((s) => s.state),
    last: () => statuses.at(-1),
  };
}
