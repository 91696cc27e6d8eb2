import { describe, expect, it } from 'vitest';
import { client, server, sleep, waitUntil } from './harness';

describe('frames', () => {
  it('reports binary frames and keeps the socket', async () => {
    const srv = await server();
    const c = client(srv.url);
    c.socket.start();
    const ws = await srv.nextConnection();
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send('{"after":"binary"}');
    await waitUntil(() => c.texts.length === 1, 'text after binary');
    expect(c.bad).toEqual(['binary frame']);
    expect(c.texts).toEqual(['{"after":"binary"}']);
    expect(srv.upgradeCount).toBe(1);
  });

  it('passes malformed text through untouched (decoding is the adapter’s job)', async () => {
    const srv = await server();
    const c = client(srv.url);
    c.socket.start();
    const ws = await srv.nextConnection();
    ws.send('{not json');
    await waitUntil(() => c.texts.length === 1, 'text');
    expect(c.texts[0]).toBe('{not json');
    expect(c.bad).toEqual([]);
  });

  it('reports a frame over the size limit, then reconnects (not silently)', async () => {
    const srv = await server();
    const c = client(srv.url, { maxFrameBytes: 1_024 });
    c.socket.start();
    const ws = await srv.nextConnection();
    ws.send('x'.repeat(2_048));
    const next = await srv.nextConnection();
    next.send('small');
    await waitUntil(() => c.texts.includes('small'), 'frame on the new socket');
    expect(c.bad).toEqual(['frame larger than 1024 bytes']);
    expect(c.texts).toEqual(['small']);
    expect(c.statuses.some((s) => s.state === 'backing-off' && /size limit/.test(s.lastError ?? ''))).toBe(
      true,
    );
  });

  it('a throwing or rejecting onText is counted as a bad frame, never fatal', async () => {
    const srv = await server();
    const bad: string[] = [];
    const seen: string[] = [];
    const c = client(srv.url, {
      onBadFrame: (r) => bad.push(r),
      onText: (t) => {
        seen.push(t);
        if (t === 'throw') throw new Error('decoder bug');
        if (t === 'reject') return Promise.reject(new Error('async decoder bug'));
      },
    });
    c.socket.start();
    const ws = await srv.nextConnection();
    ws.send('throw');
    ws.send('reject');
    ws.send('fine');
    await waitUntil(() => seen.length === 3 && bad.length === 2, 'all three handled');
    expect(bad).toEqual(['frame handler failed: decoder bug', 'frame handler failed: async decoder bug']);
    await sleep(50);
    expect(c.socket.state).toBe('open');
    expect(srv.upgradeCount).toBe(1);
  });

  it('runs onOpen before the first frame, even when the server speaks first', async () => {
    const srv = await server({ onConnection: (ws) => ws.send('welcome') });
    const order: string[] = [];
    const c = client(srv.url, {
      onOpen: () => {
        order.push('open');
      },
      onText: (t) => {
        order.push(t);
      },
    });
    c.socket.start();
    await waitUntil(() => order.length === 2, 'open and welcome');
    expect(order).toEqual(['open', 'welcome']);
  });

  it('an AuthFailedError thrown by onText (the server said "bad token" in a frame) stops the loop', async () => {
    const { AuthFailedError } = await import('../../../app/core/connection/types');
    const srv = await server({ onConnection: (ws) => ws.send('{"error":"invalid token"}') });
    const c = client(srv.url, {
      onText: () => {
        throw new AuthFailedError('authentication failed: invalid token', 'create a new token');
      },
    });
    c.socket.start();
    await waitUntil(() => c.socket.state === 'auth-failed', 'auth-failed');
    expect(c.last()).toMatchObject({
      lastError: 'authentication failed: invalid token',
      hint: 'create a new token',
    });
    await sleep(300);
    expect(srv.upgradeCount).toBe(1);
    expect(c.bad).toEqual([]);
  });
});
