import { afterEach, describe, expect, it } from 'vitest';
import { startFakeEmby } from '../../../fakes/emby/fake-server';
import type { FakeEmby } from '../../../fakes/emby/fake-server';
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

describe('emby source: odd input and changed settings', () => {
  it('a Sessions push whose Data is not a list does not report everyone as stopped', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin' });
    const h = track(connect(fake));
    await h.waitForState('open', 8000);
    await capabilitiesPosted(h, fake, 1);
    const alice = fake.startPlayback({ user: 'alice', device: 'Living Room' });
    await h.waitForEvent('emby.playback.start', 8000);

    fake.push('Sessions', { unexpected: true });
    fake.push('Sessions', null);
    fake.push('Marker', {});
    await h.waitForEvent('emby.Marker', 5000);
    // A real snapshot afterwards: alice still plays the same thing, only paused.
    fake.setPaused(alice, true);
    await h.waitForEvent('emby.playback.pause', 5000);
    await sleep(100);
    expect(h.eventsOf('emby.playback.*').map((e) => e.type)).toEqual([
      'emby.playback.start',
      'emby.playback.pause',
    ]);
  });

  it('a saved token of another account is not used after the username changed', async () => {
    fake = await startFakeEmby({
      flavour: 'jellyfin',
      users: { alice: { password: 'a-pw', admin: false }, tray: { password: 's3cret', admin: true } },
    });
    const first = track(connect(fake, { options: { username: 'alice' }, secrets: { password: 'a-pw' } }));
    await first.waitForState('open', 8000);
    const saved = { ...first.savedSecrets };
    expect(saved.token).toBeTruthy();
    await first.stop();

    // The user follows the advice to use an administrator account: new username and password.
    const second = track(connect(fake, { secrets: { ...saved, password: 's3cret' } }));
    await second.waitForState('open', 8000);
    await capabilitiesPosted(second, fake, 2);
    expect(fake.state.logins.filter((l) => l.ok).map((l) => l.username)).toEqual(['alice', 'tray']);
    const sock = [...fake.state.sockets][0]!;
    expect(sock.token?.user).toBe('tray');
  });

  it('credentials in the configured URL never reach the links of events', async () => {
    fake = await startFakeEmby({ flavour: 'emby' });
    const url = fake.url.replace('http://', 'http://proxyuser:proxy-secret@');
    const h = track(
      connect({ ...fake, url } as FakeEmby, {
        flavour: 'emby',
      }),
    );
    await h.waitForState('open', 8000);
    await capabilitiesPosted(h, fake, 1);
    fake.startPlayback({ user: 'alice', device: 'Living Room' });
    const start = await h.waitForEvent('emby.playback.start', 8000);
    expect(start.url).toBeTruthy();
    expect(JSON.stringify(h.events)).not.toContain('proxy-secret');
  });
  it('an activity entry with wrong-typed fields does not cost the good entries of its batch', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin' });
    const h = track(connect(fake));
    await h.waitForState('open', 8000);
    await capabilitiesPosted(h, fake, 1);
    fake.state.addActivity({ Name: 42, Type: 'SessionStarted' } as never);
    fake.state.addActivity({ Name: { text: 'odd' }, Type: ['Odd'], ShortOverview: 7 } as never);
    fake.addActivity({ Name: 'Failed login attempt from bob', Type: 'AuthenticationFailed' });
    const failed = await h.waitForEvent('emby.activity.login_failed', 5000);
    expect(failed.title).toBe('Failed login attempt from bob');
    for (const e of h.eventsOf('emby.activity.*')) {
      expect(typeof e.title).toBe('string');
      expect(typeof e.body).toBe('string');
    }
  });

  it('a task result with wrong-typed fields still gives text title and body', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin' });
    const h = track(connect(fake));
    await h.waitForState('open', 8000);
    await capabilitiesPosted(h, fake, 1);
    fake.push(
      'ScheduledTaskEnded',
      { Name: 'Scan', Status: 'Failed', ErrorMessage: { code: 5 }, EndTimeUtc: '2026-01-01T00:00:00Z' },
      'admins',
    );
    const failed = await h.waitForEvent('emby.task.failed', 5000);
    expect(typeof failed.body).toBe('string');
  });
  it('server words that name Object.prototype members stay plain words', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin' });
    const h = track(connect(fake));
    await h.waitForState('open', 8000);
    await capabilitiesPosted(h, fake, 1);
    fake.push('NotificationAdded', { Name: 'Odd', Level: 'constructor' });
    fake.push(
      'ScheduledTaskEnded',
      { Name: 'Scan', Status: 'toString', EndTimeUtc: '2026-01-01T00:00:00Z' },
      'admins',
    );
    fake.addActivity({ Name: 'Something', Type: 'constructor' });
    const added = await h.waitForEvent('emby.notification.added', 5000);
    expect(added.severity).toBe('info');
    const task = await h.waitForEvent('emby.task.*', 5000);
    expect(task.type).toBe('emby.task.ended');
    const activity = await h.waitForEvent('emby.activity.*', 5000);
    expect(activity.type).toBe('emby.activity.constructor');
  });
  it('an activity read refused once (token revoked while the socket stayed up) is tried again after re-login', async () => {
    fake = await startFakeEmby({ flavour: 'emby' });
    const h = track(connect(fake));
    await h.waitForState('open', 8000);
    await capabilitiesPosted(h, fake, 1);
    fake.revokeTokens();
    fake.addActivity({ Name: 'While revoked', Type: 'AuthenticationFailed' });
    await h.waitFor(() => /activity log/.test(h.status().lastError ?? ''), 5000, 'the refused read');
    fake.dropSockets();
    await capabilitiesPosted(h, fake, 2, 15_000);
    fake.addActivity({ Name: 'Failed login attempt from bob', Type: 'AuthenticationFailed' });
    const failed = await h.waitForEvent('emby.activity.login_failed', 5000);
    expect(failed.title).toBe('While revoked');
    await h.waitFor(() => h.eventsOf('emby.activity.login_failed').length === 2, 5000, 'both entries');
  });
});
