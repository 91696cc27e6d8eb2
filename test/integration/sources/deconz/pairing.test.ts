import { describe, expect, it } from 'vitest';
import { PAIRING_HINT } from '../../../../app/core/sources/deconz/pairing';
import { REVOKED_HINT } from '../../../../app/core/sources/deconz/rest';
import { gateway, KEY, openSession, session } from './setup';

describe('deCONZ pairing and keys', () => {
  it('pairs once the user unlocks the gateway, saves the key and connects', async () => {
    const gw = await gateway({ locked: true, apiKeys: [] });
    const h = session(gw, {});
    await h.waitFor(() => h.status().lastError?.includes('locked') === true, 5000, 'the locked warning');
    expect(h.status().hint).toBe(PAIRING_HINT);
    expect(h.status().state).toBe('connecting');
    gw.unlock();
    await h.waitForState('open');
    expect(h.savedSecrets.apiKey).toBeDefined();
    expect(gw.keys.has(h.savedSecrets.apiKey!)).toBe(true);
    await gw.waitForClients(1);
    // The key never travels over the socket or into events.
    expect(JSON.stringify(h.events)).not.toContain(h.savedSecrets.apiKey);
  });

  it('stops with the hint when the gateway stays locked, after a bounded number of tries', async () => {
    const gw = await gateway({ locked: true, apiKeys: [] });
    const h = session(gw, {}, { pairRetrySeconds: 0.2, pairWindowSeconds: 1 });
    const failed = await h.waitForState('auth-failed', 5000);
    expect(failed.hint).toBe(PAIRING_HINT);
    expect(failed.lastError).toMatch(/locked/);
    const posts = gw.requests.filter((r) => r.method === 'POST').length;
    expect(posts).toBeGreaterThanOrEqual(2);
    expect(posts).toBeLessThanOrEqual(7);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(gw.requests.filter((r) => r.method === 'POST').length).toBe(posts);
    expect(gw.clients).toHaveLength(0);
  });

  it('backs off (not auth-failed) while the gateway cannot be reached', async () => {
    const gw = await gateway({ locked: false, apiKeys: [] });
    await gw.stop();
    const h = session(gw, {});
    await h.waitForState('backing-off', 5000);
    expect(h.status().lastError).toMatch(/cannot reach the gateway/);
    await gw.start(gw.restPort);
    await h.waitForState('open', 8000);
    expect(h.savedSecrets.apiKey).toBeDefined();
  });

  it('reports a revoked key as auth-failed and does not retry in a loop', async () => {
    const gw = await gateway({ locked: true });
    const h = await openSession(gw);
    gw.revoke(KEY);
    gw.dropClients();
    const failed = await h.waitForState('auth-failed', 5000);
    expect(failed.lastError).toBe('the gateway refused the API key: pair again');
    expect(failed.hint).toBe(REVOKED_HINT);
    const before = gw.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(gw.requests.length).toBe(before);
    expect(gw.clients).toHaveLength(0);
  });

  it('notices a revocation during the resync and stops too', async () => {
    const gw = await gateway();
    // The key is deleted in Phoscon right after Herald read the port: the socket opens (it needs no
    // key), the snapshot is refused.
    gw.afterRequest = (req) => {
      if (req.path === '/api/<key>/config') gw.revoke(KEY);
    };
    const h = session(gw);
    await h.waitForState('auth-failed', 5000);
    expect(h.status().lastError).toBe('the gateway refused the API key: pair again');
  });

  it('a key the gateway never issued (it answers /config with the public subset, HTTP 200) stops as auth-failed', async () => {
    const gw = await gateway({ apiKeys: [KEY] });
    const h = session(gw, { apiKey: 'NOT-A-KEY-0000' });
    const failed = await h.waitForState('auth-failed', 5000);
    expect(failed).toMatchObject({
      lastError: 'the gateway refused the API key: pair again',
      hint: REVOKED_HINT,
    });
    expect(gw.requests).toEqual([{ method: 'GET', path: '/api/NOT-A-KEY-0000/config', status: 200 }]);
    // No knocking: backing off would have retried within a second or two.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(gw.requests).toHaveLength(1);
    expect(h.status().state).toBe('auth-failed');
    expect(gw.clients).toHaveLength(0);
  });

  it('reconnecting a source whose key was refused pairs again, and the new key works', async () => {
    const gw = await gateway({ apiKeys: [KEY], locked: false });
    const h = session(gw, { apiKey: 'NOT-A-KEY-0000' });
    await h.waitForState('auth-failed', 5000);
    h.resume();
    await h.waitForState('open', 5000);
    expect(h.savedSecrets.apiKey).toBeDefined();
    expect(gw.keys.has(h.savedSecrets.apiKey!)).toBe(true);
  });
});
