import { afterEach } from 'vitest';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { Engine } from '../../app/core/engine/types';

/** Polls a condition set by socket callbacks; bounded. */
export async function until(pred: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface JsonServer {
  wss: WebSocketServer;
  /** `ws://127.0.0.1:<port>/` */
  url: string;
  /** Connections accepted so far. */
  readonly connections: number;
  /** JSON-encodes and sends to every client. */
  send(message: unknown): void;
}

/**
 * Loopback JSON push servers and engines for engine tests, closed after each test: call once at the
 * top of a test file.
 */
export function engineFixture() {
  const servers: WebSocketServer[] = [];
  const engines: Engine[] = [];
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.stop()));
    for (const s of servers.splice(0)) {
      for (const c of s.clients) c.terminate();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });
  return {
    async jsonServer(onConnection?: (socket: WebSocket) => void): Promise<JsonServer> {
      const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
      servers.push(wss);
      let connections = 0;
      wss.on('connection', (socket) => {
        connections += 1;
        onConnection?.(socket);
      });
      return {
        wss,
        url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`,
        get connections() {
          return connections;
        },
        send(message) {
          for (const c of wss.clients) c.send(JSON.stringify(message));
        },
      };
    },
    /** Stops the engine after the test. */
    track<E extends Engine>(engine: E): E {
      engines.push(engine);
      return engine;
    },
  };
}
