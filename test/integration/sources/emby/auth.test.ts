import { afterEach, describe, expect, it } from 'vitest';
import { startFakeEmby } from '../../../fakes/emby/fake-server';
import type { FakeEmby, FakeFlavour } from '../../../fakes/emby/fake-server';
import type { SessionHarness } from '../../../helpers/session-harness';
import { capabilitiesPosted, connect, sleep } from './helpers';

let fake: FakeEmby | undefined;
const harnesses: SessionHarness[] = [];
const track = (h: SessionHarness) => (harnesses.push(h), h);
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.stop();
  await fake?.close();
  fake = undefined;
});

describe.each<FakeFlavour>(['jellyfin', 'emby', 'emby-legacy'])('emby sign-in against %s', (flavour) => {
  it('a wrong password stops at auth-failed after one attempt', async () => {
    fake = await startFakeEmby({ flavour });
    const h = track(connect(fake, { secrets: { password: 'wrong' } }));
    const status = await h.waitForState('auth-failed', 8000);
    expect(status.lastError).toContain('refused the sign-in');
    expect(status.hint).toMatch(/sign in again/);
    await sleep(1500);
    expect(fake.state.logins).toEqual([expect.objectContaining({ username: 'tray', ok: false })]);
    expect(fake.state.connections).toBe(0);
    expect(JSON.stringify(h.statuses)).not.toContain('wrong');
  });

  it('a revoked token is replaced by one fresh sign-in when the password is known', async () => {
    fake = await startFakeEmby({ flavour });
    const h = track(connect(fake));
    await h.waitForState('open', 8000);
    await capabilitiesPosted(h, fake, 1);
    const first = h.savedSecrets.token;
    fake.revokeTokens();
    fake.dropSockets();
    await capabilitiesPosted(h, fake, 2, 15_000);
    expect(h.status().state).toBe('open');
    expect(fake.state.logins.filter((l) => l.ok)).toHaveLength(2);
    expect(h.savedSecrets.token).not.toBe(first);
    expect(fake.state.logins.every((l) => l.deviceId === 'herald-test-device')).toBe(true);
  });

  it('a revoked token without a password ends in auth-failed, with no sign-in attempts', async () => {
    fake = await startFakeEmby({ flavour });
    const seed = track(connect(fake));
    await seed.waitForState('open', 8000);
    const token = seed.savedSecrets.token!;
    await seed.stop();
    const h = track(connect(fake, { secrets: { token } }));
    await h.waitForState('open', 8000);
    expect(fake.state.logins).toHaveLength(1);
    fake.revokeTokens();
    fake.dropSockets();
    const status = await h.waitForState('auth-failed', 10_000);
    expect(status.hint).toBe('sign in again');
    await sleep(1000);
    expect(fake.state.logins).toHaveLength(1);
  });
});

describe('emby credentials', () => {
  it('API key mode connects without a username; a wrong key is auth-failed', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin' });
    const h = track(connect(fake, { options: { username: undefined }, secrets: { apiKey: 'test-api-key' } }));
    await h.waitForState('open', 8000);
    expect([...fake.state.sockets][0]?.token?.kind).toBe('apiKey');
    expect(fake.state.logins).toHaveLength(0);
    const bad = track(connect(fake, { options: { username: undefined }, secrets: { apiKey: 'nope' } }));
    expect((await bad.waitForState('auth-failed', 8000)).lastError).toContain('API key');
  });

  it('no credentials at all says what to enter', async () => {
    fake = await startFakeEmby({ flavour: 'emby' });
    const h = track(connect(fake, { options: { username: undefined }, secrets: {} }));
    expect((await h.waitForState('auth-failed', 8000)).hint).toMatch(/API key/);
  });

  it('reuses a saved token instead of signing in again, and keeps a generated device id', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin' });
    const first = track(connect(fake, { options: { deviceId: undefined } }));
    await first.waitForState('open', 8000);
    const { token, deviceId } = first.savedSecrets;
    expect(deviceId).toMatch(/^herald-[0-9a-f]{32}$/);
    await first.stop();
    const second = track(
      connect(fake, {
        options: { deviceId: undefined },
        secrets: { password: 's3cret', token: token!, deviceId: deviceId! },
      }),
    );
    await second.waitForState('open', 8000);
    expect(fake.state.logins).toHaveLength(1);
    expect(second.savedSecrets.deviceId).toBeUndefined();
    expect(fake.heraldSessions()[0]?.DeviceId).toBe(deviceId);
  });

  it('a non-admin account works but warns that the activity log is out of reach', async () => {
    fake = await startFakeEmby({
      flavour: 'jellyfin',
      users: { tray: { password: 's3cret', admin: false } },
    });
    const h = track(connect(fake));
    await h.waitForState('open', 8000);
    await h.waitFor(
      () => /administrator|activity log/.test(h.status().lastError ?? ''),
      5000,
      'a rights warning',
    );
    expect(h.status().state).toBe('open');
    expect(fake.sendDisplayMessage({ text: 'still works' })).toBe(1);
    await h.waitForEvent('emby.DisplayMessage');
  });
});
