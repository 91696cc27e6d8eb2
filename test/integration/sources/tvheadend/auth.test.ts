import { afterEach, describe, expect, it } from 'vitest';
import { calls, rig, sleep, waitForCalls, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const upgrades = (rr: Rig, status?: number) =>
  rr.fake.requests.filter((q) => q.upgrade && (status === undefined || q.status === status));

describe('tvheadend auth against the fake server', () => {
  it('stops at auth-failed on a wrong password, without a retry storm', async () => {
    r = await rig({ username: 'admin' }, 'wrong');
    const status = await r.h.waitForState('auth-failed');
    expect(status.lastError).toMatch(/authentication failed \(HTTP 403/);
    expect(status.hint).toMatch(/password/);
    await sleep(500);
    expect(upgrades(r)).toHaveLength(1);
    expect(r.h.events).toEqual([]);
  });

  it('says plainly when the server has no /comet/ws (4.2 or older)', async () => {
    r = await rig({ username: 'admin' }, 'admin', { noWebsocket: true });
    await r.h.waitFor(() => /no \/comet\/ws/.test(r!.h.status().lastError ?? ''), 5000, 'the 4.2 error');
    expect(r.h.status().lastError).toBe('this Tvheadend has no /comet/ws (4.2 or older); upgrade to 4.3+');
    expect(upgrades(r)).toHaveLength(0);
  });

  it('works under an http_root prefix', async () => {
    r = await rig({ username: 'admin' }, 'admin', { httpRoot: '/tvh' });
    await r.h.waitForState('open');
    await waitForCalls(r.fake, '/api/dvr/entry/grid', 1);
    r.fake.scenario.createEntry({ title: 'Rooted' });
    await r.h.waitForEvent('tvheadend.dvr.scheduled');
    expect(upgrades(r, 101)[0]!.auth).toContain('uri="/tvh/comet/ws"');
  });

  it('answers a SHA-256 server with SHA-256', async () => {
    r = await rig({ username: 'admin' }, 'admin', { digestAlgo: 'SHA-256' });
    await r.h.waitForState('open');
    expect(upgrades(r, 101)[0]!.auth).toMatch(/algorithm=SHA-256/);
  });

  it('uses Basic on a server in Plain mode, and with auth "basic" on a server in Both mode', async () => {
    r = await rig({ username: 'admin' }, 'admin', { authMode: 'plain' });
    await r.h.waitForState('open');
    expect(upgrades(r, 101)[0]!.auth).toMatch(/^Basic /);
    await r.close();
    r = await rig({ username: 'admin', auth: 'basic' }, 'admin', { authMode: 'both' });
    await r.h.waitForState('open');
    expect(upgrades(r, 101)[0]!.auth).toMatch(/^Basic /);
  });

  it('stops at auth-failed when the user chose Basic and the server takes only Digest', async () => {
    r = await rig({ username: 'admin', auth: 'basic' });
    const status = await r.h.waitForState('auth-failed');
    expect(status.lastError).toMatch(/HTTP 401/);
    expect(upgrades(r)).toHaveLength(1);
  });

  it('reuses the nonce with nc counting for API calls, and recovers from an expired nonce', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const uuid = fake.scenario.createEntry({ title: 'X' });
    await h.waitForEvent('tvheadend.dvr.scheduled');
    const apiAuth = fake.requests.filter((q) => q.path.startsWith('/api/')).map((q) => q.auth ?? '');
    // One challenge (the probe), then nc=2, 3, … on the same nonce.
    expect(apiAuth.map((a) => /nc=(\w+)/.exec(a)?.[1])).toEqual(
      ['00000002', '00000003', '00000004'].slice(0, apiAuth.length),
    );
    fake.auth.expireNonces();
    fake.scenario.startRecording(uuid);
    await h.waitForEvent('tvheadend.dvr.started');
    expect(calls(fake, '/api/idnode/load', 401)).toBe(1);
    expect(h.status().lastError).toBeUndefined();
  });
});
