import { describe, expect, it } from 'vitest';
import type { ReconnectingSocket } from '../../../app/core/connection/types';
import { client, server, sleep, waitUntil } from './harness';

describe('close() from a status listener while the socket opens', () => {
  it('starts no heartbeat, keepalive or onOpen for a socket closed on "open"', async () => {
    const srv = await server();
    const got: string[] = [];
    let opened = 0;
    const ref: { socket?: ReconnectingSocket } = {};
    let closing: Promise<void> | undefined;
    const c = client(srv.url, {
      keepalive: { intervalMs: 20, message: () => 'keepalive' },
      heartbeat: { intervalMs: 20, timeoutMs: 20 },
      onOpen: () => {
        opened += 1;
      },
      onStatus: (s) => {
        if (s.state === 'open') closing = ref.socket?.close();
      },
    });
    const socket = c.socket;
    ref.socket = socket;
    socket.start();
    const ws = await srv.nextConnection();
    ws.on('message', (m) => got.push(m.toString()));
    await waitUntil(() => closing !== undefined, 'close() from the listener');
    await closing;
    await sleep(200);
    expect(socket.state).toBe('stopped');
    expect(opened).toBe(0);
    expect(got).toEqual([]);
    expect(srv.upgradeCount).toBe(1);
  });
});
