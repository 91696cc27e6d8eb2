import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { client, server, sleep, waitUntil } from './harness';

describe('reconnecting socket against a real ws server', () => {
  it('reconnects after the server is killed and restarted; frames after restart arrive once', async () => {
    const srv = await server({ onConnection: (ws) => ws.send('hello') });
    const closes: number[] = [];
    const c = client(srv.url, { onClose: (code) => closes.push(code) });
    c.socket.start();
    await waitUntil(() => c.texts.length === 1, 'first hello');
    expect(c.socket.state).toBe('open');

    await srv.kill();
    await waitUntil(
      () => c.last()?.state === 'backing-off' && c.last()?.lastError === 'connection refused',
      'refused while down',
    );
    expect(closes).toEqual([1006]);

    await srv.restart();
    await waitUntil(() => c.texts.length === 2, 'hello after restart');
    await waitUntil(() => c.socket.state === 'open', 'open again');
    expect(srv.clients).toHaveLength(1);
    srv.broadcast('after-restart');
    await waitUntil(() => c.texts.includes('after-restart'), 'frame after restart');
    await sleep(100);
    expect(c.texts).toEqual(['hello', 'hello', 'after-restart']);
    expect(c.last()).toMatchObject({ state: 'open' });
    expect(c.last()?.lastError).toBeUndefined();
  });

  it('reports a server-side close with its code and reconnects', async () => {
    const srv = await server();
    const c = client(srv.url);
    c.socket.start();
    const first = await srv.nextConnection();
    first.close(1001, 'shutting down');
    await waitUntil(
      () => c.statuses.some((s) => s.lastError?.includes('closed by server (code 1001')),
      'close reported',
    );
    await srv.nextConnection();
    await waitUntil(() => c.socket.state === 'open', 'reopened');
  });

  it('resume() replaces an open socket at once; the old one is gone and frames arrive once', async () => {
    const srv = await server();
    const c = client(srv.url);
    c.socket.start();
    const first = await srv.nextConnection();
    await waitUntil(() => c.socket.state === 'open', 'open');
    const firstClosed = new Promise((r) => first.once('close', r));
    const before = c.statuses.length;
    c.socket.resume();
    const second = await srv.nextConnection();
    await firstClosed;
    await waitUntil(() => c.socket.state === 'open', 'open again');
    expect(srv.clients).toEqual([second]);
    second.send('one');
    await waitUntil(() => c.texts.length === 1, 'frame');
    await sleep(50);
    expect(c.texts).toEqual(['one']);
    // The replaced socket's late close must not leak into the new one's state.
    expect(c.states().slice(before)).toEqual(['connecting', 'open']);
    expect(srv.upgradeCount).toBe(2);
  });

  it('sends from onOpen and from send(), and the app keepalive while open', async () => {
    const srv = await server();
    const got: string[] = [];
    const c = client(srv.url, {
      onOpen: (link) => {
        link.send({ subscribe: ['all'] });
      },
      keepalive: { intervalMs: 50, message: () => '{"MessageType":"KeepAlive"}' },
    });
    c.socket.start();
    const ws = await srv.nextConnection();
    ws.on('message', (m) => got.push(m.toString()));
    await waitUntil(() => got.filter((m) => m.includes('KeepAlive')).length >= 2, 'two keepalives');
    expect(c.socket.send('direct')).toBe(true);
    await waitUntil(() => got.includes('direct'), 'direct send');
    // onOpen may run before the test attached its listener: check the first frame by a fresh connection.
    c.socket.resume();
    const ws2 = await srv.nextConnection();
    const first = await new Promise<string>((r) => ws2.once('message', (m) => r(m.toString())));
    expect(first).toBe('{"subscribe":["all"]}');
  });

  it('times out an upgrade the server never answers', async () => {
    // A server that accepts TCP but never answers the upgrade: a plain net server.
    const held = new Set<net.Socket>();
    const silent = net.createServer((s) => held.add(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as AddressInfo).port;
    try {
      const c = client(`ws://127.0.0.1:${port}`, { connectTimeoutMs: 200 });
      c.socket.start();
      await waitUntil(() => c.last()?.state === 'backing-off', 'backing off', 3_000);
      expect(c.last()?.lastError).toMatch(/timed out/);
      await c.socket.close();
    } finally {
      for (const s of held) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
