import { describe, expect, it } from 'vitest';
import { client, server, sleep, waitUntil } from './harness';

describe('authentication failure on the upgrade', () => {
  for (const status of [401, 403]) {
    it(`HTTP ${status} stops in auth-failed with exactly one upgrade attempt, until resume()`, async () => {
      const srv = await server({ authorize: () => status });
      const c = client(srv.url, {}, { Authorization: 'Bearer wrong' });
      c.socket.start();
      await waitUntil(() => c.socket.state === 'auth-failed', 'auth-failed');
      expect(c.last()?.lastError).toBe(`authentication failed (HTTP ${status} on the WebSocket upgrade)`);
      expect(c.last()?.hint).toBeTruthy();
      // Backoff here is 20–100 ms: a retry storm would show dozens of upgrades in this window.
      await sleep(1_000);
      expect(srv.upgradeCount).toBe(1);
      expect(c.states()).toEqual(['connecting', 'auth-failed']);

      c.socket.resume();
      await waitUntil(() => srv.upgradeCount === 2, 'second attempt after resume');
      await waitUntil(() => c.socket.state === 'auth-failed', 'auth-failed again');
      await sleep(300);
      expect(srv.upgradeCount).toBe(2);
    });
  }

  it('other upgrade statuses back off and retry', async () => {
    const srv = await server({ authorize: () => 503 });
    const c = client(srv.url);
    c.socket.start();
    await waitUntil(() => srv.upgradeCount >= 3, 'retries');
    expect(c.statuses.find((s) => s.state === 'backing-off')?.lastError).toBe(
      'server answered HTTP 503 instead of a WebSocket upgrade',
    );
  });

  it('an AuthFailedError thrown from onOpen stops retrying too', async () => {
    const { AuthFailedError } = await import('../../../app/core/connection/types');
    const srv = await server();
    const c = client(srv.url, {
      onOpen: () => {
        throw new AuthFailedError('pairing key rejected', 'pair again');
      },
    });
    c.socket.start();
    await waitUntil(() => c.socket.state === 'auth-failed', 'auth-failed');
    expect(c.last()).toMatchObject({ lastError: 'pairing key rejected', hint: 'pair again' });
    await sleep(300);
    expect(srv.upgradeCount).toBe(1);
  });
});
