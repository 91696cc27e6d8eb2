import { afterEach, describe, expect, it } from 'vitest';
import { rig, sleep, waitForCalls, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const upgrades = (rr: Rig, status?: number) =>
  rr.fake.requests.filter((q) => q.upgrade && (status === undefined || q.status === status));

/** A home-LAN server: an access entry for "*" with web and DVR rights, but not admin. */
const ANONYMOUS = { anonymous: { dvrAll: true, dvrFailed: true } };

describe('tvheadend on a server that also allows anonymous access', () => {
  it('the fake challenges /login without credentials, as page_login does, but serves the API anonymously', async () => {
    r = await rig({ username: 'admin' }, 'admin', ANONYMOUS);
    const login = await fetch(`${r.fake.url}/login`);
    expect(login.status).toBe(401);
    expect(login.headers.get('www-authenticate')).toMatch(/^Digest realm="tvheadend"/);
    const api = await fetch(`${r.fake.url}/api/status/subscriptions`, { method: 'POST', body: '' });
    expect(api.status).toBe(403);
    const grid = await fetch(`${r.fake.url}/api/dvr/entry/grid`, { method: 'POST', body: '' });
    expect(grid.status).toBe(200);
  });

  it('connects with the configured account, so admin-only log errors arrive', async () => {
    r = await rig({ username: 'admin' }, 'admin', ANONYMOUS);
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    expect(upgrades(r, 101)[0]!.auth).toMatch(/^Digest username="admin"/);
    // The API look-ups run as admin too (the subscriptions list is admin-only).
    const api = fake.requests.filter((q) => q.path.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((q) => /^Digest username="admin"/.test(q.auth ?? ''))).toBe(true);
    fake.log('dvr: Recording error: "Marker" on "Test Channel"');
    const event = await h.waitForEvent('tvheadend.log.error', 5000);
    expect(event.body).toBe('Recording error: "Marker" on "Test Channel"');
    expect(h.status().lastError).toBeUndefined();
  });

  it('keeps using the configured account across reconnects', async () => {
    r = await rig({ username: 'admin' }, 'admin', ANONYMOUS);
    const { fake, h } = r;
    await h.waitForState('open');
    h.resume();
    await h.waitFor(() => upgrades(r!, 101).length === 2, 5000, 'the reconnect');
    expect(upgrades(r, 101).map((q) => /^Digest username="admin"/.test(q.auth ?? ''))).toEqual([true, true]);
    expect(fake.requests.filter((q) => q.path === '/login' && q.status === 401)).toHaveLength(2);
  });

  it('reports a wrong password instead of silently running with the anonymous rights', async () => {
    r = await rig({ username: 'admin' }, 'wrong', ANONYMOUS);
    const status = await r.h.waitForState('auth-failed');
    expect(status.lastError).toMatch(/authentication failed \(HTTP 403/);
    await sleep(300);
    expect(upgrades(r, 101)).toHaveLength(0);
  });

  it('without a username stays anonymous, as before, and does not ask /login', async () => {
    r = await rig({}, '', ANONYMOUS);
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    expect(upgrades(r, 101)[0]!.auth).toBeUndefined();
    expect(fake.requests.some((q) => q.path === '/login')).toBe(false);
  });
});
