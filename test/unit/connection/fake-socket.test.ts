import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createReconnectingSocket } from '../../../app/core/connection/reconnecting-socket';
import type { ConnectionStatusUpdate } from '../../../app/core/connection/types';
import type { WebSocketLike, WebSocketOpener } from '../../../app/core/connection/ws-open';

/** Just enough of a ws client for the state machine: the test plays the server by emitting. */
class FakeWs extends EventEmitter {
  readyState: number = WebSocket.CONNECTING;
  sent: string[] = [];
  send(data: string) {
    this.sent.push(data);
  }
  ping() {}
  terminate() {
    this.readyState = WebSocket.CLOSED;
    this.emit('close', 1006, Buffer.from(''));
  }
  close() {
    this.terminate();
  }
  serverOpens() {
    this.readyState = WebSocket.OPEN;
    this.emit('open');
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('reconnecting socket with an injected socket factory (no network)', () => {
  it('opens through the factory, runs onOpen, delivers text, and stops on a refused upgrade', async () => {
    const made: FakeWs[] = [];
    const open: WebSocketOpener = (target) => {
      expect(target.url).toBe('ws://fake/');
      const ws = new FakeWs();
      made.push(ws);
      return ws as unknown as WebSocketLike;
    };
    const texts: string[] = [];
    const statuses: ConnectionStatusUpdate[] = [];
    const socket = createReconnectingSocket({
      prepare: async () => ({ url: 'ws://fake/' }),
      openWebSocket: open,
      onOpen: (link) => void link.send({ hello: 1 }),
      onText: (text) => void texts.push(text),
      onStatus: (s) => statuses.push(s),
      backoff: { initialMs: 1, maxMs: 1, resetAfterMs: 10_000 },
    });
    socket.start();
    await flush();
    made[0]!.serverOpens();
    expect(socket.state).toBe('open');
    expect(made[0]!.sent).toEqual(['{"hello":1}']);
    made[0]!.emit('message', Buffer.from('{"a":1}'), false);
    expect(texts).toEqual(['{"a":1}']);

    made[0]!.terminate();
    expect(socket.state).toBe('backing-off');
    while (made.length < 2) await flush();
    const refusal = Object.assign(new EventEmitter(), { statusCode: 401, headers: {}, resume() {} });
    made[1]!.emit('unexpected-response', {}, refusal);
    expect(socket.state).toBe('auth-failed');
    expect(statuses.at(-1)?.lastError).toMatch(/HTTP 401/);
    await socket.close();
  });
});
