import { describe, expect, it } from 'vitest';
import { client, server, sleep, waitUntil } from './harness';

const heartbeat = { intervalMs: 200, timeoutMs: 200 };

describe('heartbeat against a real ws server', () => {
  it('detects a half-open socket (peer stops reading) and replaces it within interval + timeout', async () => {
    const srv = await server();
    const c = client(srv.url, { heartbeat });
    c.socket.start();
    const first = await srv.nextConnection();
    await waitUntil(() => c.socket.state === 'open', 'open');
    expect(srv.upgradeCount).toBe(1);
    srv.freeze(first);
    // Bound: interval + timeout for detection, plus backoff (max 100 ms) and slack for a loaded machine.
    const second = await srv.nextConnection(heartbeat.intervalMs + heartbeat.timeoutMs + 2_000);
    expect(second).not.toBe(first);
    expect(
      c.statuses.some((s) => s.state === 'backing-off' && /no answer to heartbeat/.test(s.lastError ?? '')),
    ).toBe(true);
    await waitUntil(() => c.socket.state === 'open', 'open again');
  });

  it('keeps a socket that never answers pings but keeps sending frames: any frame is liveness', async () => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const srv = await server({
      autoPong: false,
      onConnection: (ws) => {
        timer = setInterval(() => ws.send('tick'), 30);
        ws.on('close', () => clearInterval(timer));
      },
    });
    try {
      // Wider than the other tests so a briefly stalled (loaded) machine does not look like a dead peer.
      const wide = { intervalMs: 300, timeoutMs: 300 };
      const c = client(srv.url, { heartbeat: wide });
      c.socket.start();
      await waitUntil(() => c.socket.state === 'open', 'open');
      await sleep(3 * (wide.intervalMs + wide.timeoutMs));
      expect(srv.upgradeCount).toBe(1);
      expect(c.states()).toEqual(['connecting', 'open']);
      expect(c.texts.length).toBeGreaterThan(10);
    } finally {
      clearInterval(timer);
    }
  });

  it('replaces a quiet socket whose server never answers pings', async () => {
    const srv = await server({ autoPong: false });
    const c = client(srv.url, { heartbeat });
    c.socket.start();
    await srv.nextConnection();
    await srv.nextConnection(heartbeat.intervalMs + heartbeat.timeoutMs + 2_000);
    expect(srv.upgradeCount).toBeGreaterThanOrEqual(2);
  });
});
