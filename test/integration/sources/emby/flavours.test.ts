import { afterEach, describe, expect, it } from 'vitest';
import { startFakeEmby } from '../../../fakes/emby/fake-server';
import type { FakeEmby, FakeFlavour } from '../../../fakes/emby/fake-server';
import type { SessionHarness } from '../../../helpers/session-harness';
import { DEVICE_NAME, capabilitiesPosted, connect, sleep } from './helpers';

const flavours: FakeFlavour[] = ['jellyfin', 'emby', 'emby-legacy'];

describe.each(flavours)('emby source against a fake %s server', (flavour) => {
  let fake: FakeEmby | undefined;
  let h: SessionHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    await fake?.close();
    h = undefined;
    fake = undefined;
  });

  it('detects the flavour, connects, and registers DisplayMessage capabilities', async () => {
    fake = await startFakeEmby({ flavour });
    h = connect(fake);
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);
    const post = fake.state.capabilities[0]!;
    expect(post.body).toMatchObject({
      SupportedCommands: ['DisplayMessage'],
      PlayableMediaTypes: [],
      SupportsMediaControl: true,
    });
    expect(post.sessionId).toBe(fake.heraldSessions()[0]?.Id);
    expect(fake.heraldSessions()[0]).toMatchObject({
      DeviceId: 'herald-test-device',
      Client: 'Herald',
      UserName: 'tray',
    });
    const sock = [...fake.state.sockets][0]!;
    const types = sock.received.map((m) => (m as { MessageType: string }).MessageType);
    if (flavour === 'emby-legacy') expect(types[0]).toBe('Identity');
    else expect(types).not.toContain('Identity');
    expect(types).toEqual(
      expect.arrayContaining(['SessionsStart', 'ActivityLogEntryStart', 'ScheduledTasksInfoStart']),
    );
    expect(h.savedSecrets.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('the flavour can be chosen instead of detected', async () => {
    fake = await startFakeEmby({ flavour });
    h = connect(fake, { flavour });
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);
    fake.sendDisplayMessage({ text: 'chosen' });
    expect((await h.waitForEvent('emby.DisplayMessage')).body).toBe('chosen');
  });

  it('DisplayMessage end to end: Header, Text and TimeoutMs', async () => {
    fake = await startFakeEmby({ flavour });
    h = connect(fake);
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);
    expect(
      fake.sendDisplayMessage({ header: 'Doorbell', text: 'Someone is at the front door', timeoutMs: 8000 }),
    ).toBe(1);
    const event = await h.waitForEvent('emby.DisplayMessage');
    expect(event).toMatchObject({
      sourceId: 'media',
      sourceKind: 'emby',
      title: 'Doorbell',
      body: 'Someone is at the front door',
      data: { timeoutMs: 8000 },
    });
  });

  it('capabilities and subscriptions come back after a reconnect; playback diffs without a burst', async () => {
    fake = await startFakeEmby({ flavour });
    const before = fake.startPlayback({ user: 'bob', device: 'Bedroom' });
    h = connect(fake);
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);

    const started = fake.startPlayback({ user: 'alice', device: 'Living Room' });
    const start = await h.waitForEvent('emby.playback.start', 8000);
    expect(start).toMatchObject({
      title: expect.stringContaining('alice is playing Some Show'),
      body: 'on Living Room',
    });

    fake.dropSockets();
    await capabilitiesPosted(h, fake, 2);
    expect(fake.state.connections).toBe(2);
    const sock = [...fake.state.sockets][0]!;
    expect(sock.subscriptions.has('Sessions')).toBe(true);
    await sleep(flavour === 'emby-legacy' ? 1800 : 300);
    // Both sessions still play: the reconnect snapshot must not report them as new.
    expect(h.eventsOf('emby.playback.*').map((e) => e.type)).toEqual(['emby.playback.start']);

    fake.stopPlayback(started);
    const stop = await h.waitForEvent('emby.playback.stop', 8000);
    expect(stop.entity?.id).toBe(started);
    expect(h.eventsOf('emby.playback.*').some((e) => e.entity?.id === before)).toBe(false);
  });

  it('activity entries are reported once across reconnects, without Herald’s own sessions', async () => {
    fake = await startFakeEmby({ flavour });
    fake.addActivity({ Name: 'Old news', Type: 'AuthenticationFailed', Severity: 'Error' });
    h = connect(fake);
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);
    fake.addActivity({
      Name: 'Failed login attempt from bob',
      Type: 'AuthenticationFailed',
      ShortOverview: 'IP address: 192.168.1.50',
      Severity: 'Error',
    });
    const failed = await h.waitForEvent('emby.activity.login_failed', 8000);
    expect(failed).toMatchObject({ severity: 'warning', title: 'Failed login attempt from bob' });

    fake.dropSockets();
    await capabilitiesPosted(h, fake, 2);
    fake.addActivity({ Name: 'alice is online from Phone', Type: 'SessionStarted', UserId: 'alice-id' });
    await h.waitForEvent('emby.activity.session_started', 8000);
    await sleep(200);
    expect(h.eventsOf('emby.activity.login_failed')).toHaveLength(1);
    const sessions = h.eventsOf('emby.activity.session_*');
    expect(sessions.map((e) => e.title)).toEqual(['alice is online from Phone']);
    expect(fake.state.activity.filter((e) => e.Name.includes(DEVICE_NAME)).length).toBeGreaterThanOrEqual(2);
  });

  it('server restart: restarting event, reconnect, capabilities registered again', async () => {
    fake = await startFakeEmby({ flavour });
    h = connect(fake);
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);
    await fake.restart(200);
    const restarting = await h.waitForEvent('emby.server.restarting');
    expect(restarting.title).toBe('Media is restarting');
    await capabilitiesPosted(h, fake, 2, 15_000);
    expect(fake.heraldSessions()[0]?.SupportsMediaControl).toBe(true);
    expect(fake.sendDisplayMessage({ text: 'back again' })).toBe(1);
    await h.waitForEvent('emby.DisplayMessage');
  });

  it('library additions carry names, looked up in one bounded request', async () => {
    fake = await startFakeEmby({ flavour });
    h = connect(fake);
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);
    fake.libraryChanged([
      { Name: 'Dune', ProductionYear: 2021 },
      { Name: 'Arrival', ProductionYear: 2016 },
    ]);
    const added = await h.waitForEvent('emby.library.added');
    expect(added).toMatchObject({
      title: 'Media: 2 new items',
      body: 'Dune (2021), Arrival (2016)',
      data: { added: 2 },
    });
  });

  it('Live TV timers are named through the REST lookup', async () => {
    fake = await startFakeEmby({ flavour });
    h = connect(fake);
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);
    const id = fake.timerCreated({ name: 'Evening News', channel: 'BBC One' });
    const created = await h.waitForEvent('emby.livetv.timer_created');
    expect(created).toMatchObject({
      title: 'Media: recording scheduled: Evening News',
      data: { timerId: id, channelName: 'BBC One' },
    });
    expect(created.body).toContain('BBC One');
    fake.timerCancelled(id);
    expect((await h.waitForEvent('emby.livetv.timer_cancelled')).entity?.id).toBe(id);
    fake.timerCreated({ name: 'Nature', series: true });
    expect((await h.waitForEvent('emby.livetv.series_timer_created')).title).toBe(
      'Media: series recording scheduled: Nature',
    );
  });

  it('a failed scheduled task is reported once', async () => {
    fake = await startFakeEmby({ flavour });
    h = connect(fake);
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);
    fake.taskEnded({ Status: 'Failed', ErrorMessage: 'disk full' });
    const failed = await h.waitForEvent('emby.task.failed');
    expect(failed).toMatchObject({ severity: 'warning', body: 'disk full' });
    await sleep(300);
    expect(h.eventsOf('emby.task.*')).toHaveLength(1);
  });

  it('unknown and malformed frames do not hurt the session', async () => {
    fake = await startFakeEmby({ flavour });
    h = connect(fake);
    await h.waitForState('open', 10_000);
    await capabilitiesPosted(h, fake, 1);
    fake.push('SomethingNew', { x: 1 });
    for (const sock of fake.state.sockets) sock.ws.send('{not json');
    await h.waitForEvent('emby.SomethingNew');
    await h.waitFor(() => h!.status().badFrames >= 1, 3000, 'a bad frame counted');
    expect(h.status().state).toBe('open');
  });
});
