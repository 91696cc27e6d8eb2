import { afterEach, describe, expect, it } from 'vitest';
import { calls, rig, sleep, types, waitForCalls, type Rig } from './helpers';

const GiB = 1024 ** 3;
let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('tvheadend rights', () => {
  it('gives a non-admin account recordings but no log or streaming events', async () => {
    r = await rig({ username: 'viewer' }, 'viewer');
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const uuid = fake.scenario.createEntry({ title: 'Quiz' });
    fake.scenario.startRecording(uuid);
    fake.scenario.recordingError(uuid, 209);
    fake.scenario.startSubscription({ username: 'kid' });
    await h.waitForEvent('tvheadend.dvr.problem');
    await sleep(300);
    expect(types(h, 'tvheadend.log.*')).toEqual([]);
    expect(types(h, 'tvheadend.subscription.*')).toEqual([]);
    // It never asks the admin-only API, so the admins' log is not filled with its 403s.
    expect(calls(fake, '/api/status/subscriptions')).toBe(0);
    expect(h.status().lastError).toBeUndefined();
  });

  it('warns once, in plain words, when the account may not read recordings', async () => {
    r = await rig({ username: 'basic' }, 'basic');
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const own = fake.scenario.createEntry({ title: 'Mine', owner: 'basic' });
    const theirs = fake.scenario.createEntry({ title: 'Theirs' });
    await h.waitForEvent('tvheadend.dvr.scheduled');
    await h.waitFor(() => /may not read some recordings/.test(h.status().lastError ?? ''));
    expect(h.status().hint).toMatch(/"all".*"failed"/);
    expect(h.status().state).toBe('open');
    expect(h.eventsOf('tvheadend.dvr.*').map((e) => e.entity?.id)).toEqual([own]);
    void theirs;
  });
});

describe('tvheadend streaming, disk and EPG', () => {
  it('reports who started and stopped watching which channel with which client', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/status/subscriptions', 1);
    const id = fake.scenario.startSubscription({ username: 'viewer', client: 'Kodi/21', channel: 'BBC One' });
    const start = await h.waitForEvent('tvheadend.subscription.start');
    expect(start).toMatchObject({
      title: 'viewer started watching BBC One',
      data: { username: 'viewer', client: 'Kodi/21', channel: 'BBC One', hostname: '127.0.0.1' },
    });
    // Per-second admin status objects keep arriving; they are not starts.
    await sleep(300);
    fake.scenario.stopSubscription(id);
    await h.waitForEvent('tvheadend.subscription.stop');
    // The recorder's own subscription is internal.
    const uuid = fake.scenario.createEntry({ title: 'Rec' });
    fake.scenario.startRecording(uuid);
    await h.waitForEvent('tvheadend.dvr.started');
    await sleep(200);
    expect(types(h, 'tvheadend.subscription.*')).toEqual([
      'tvheadend.subscription.start',
      'tvheadend.subscription.stop',
    ]);
  });

  it('raises disk.low once when free space drops below the threshold, and disk.ok once it recovers', async () => {
    r = await rig({ username: 'admin', diskLowGiB: 50 });
    const { fake, h } = r;
    await h.waitForState('open');
    fake.scenario.setFreeSpace(20 * GiB);
    const low = await h.waitForEvent('tvheadend.disk.low');
    expect(low).toMatchObject({ severity: 'warning', data: { low: true, freeGiB: 20, thresholdGiB: 50 } });
    await sleep(400); // several diskspaceUpdate ticks
    fake.scenario.setFreeSpace(51 * GiB); // inside the margin: still low
    await sleep(300);
    expect(types(h, 'tvheadend.disk.*')).toEqual(['tvheadend.disk.low']);
    fake.scenario.setFreeSpace(80 * GiB);
    await h.waitForEvent('tvheadend.disk.ok');
    await sleep(300);
    expect(types(h, 'tvheadend.disk.*')).toEqual(['tvheadend.disk.low', 'tvheadend.disk.ok']);
  });

  it('reports EPG dvr_update with the programme looked up', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const { eventId, uuid } = fake.scenario.scheduleByEvent('Future Movie', 'Part 1');
    const e = await h.waitForEvent('tvheadend.epg.dvr_update');
    expect(e).toMatchObject({
      entity: { id: String(eventId), name: 'Future Movie' },
      data: { dvrUuid: uuid, dvrState: 'scheduled', channel: 'Test Channel' },
    });
    await h.waitForEvent('tvheadend.dvr.scheduled');
  });

  it('counts a malformed frame as bad and keeps going', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    fake.comet.sendRaw('{"messages": [ truncated');
    fake.comet.sendRaw('{"boxid":"x"}');
    fake.broadcast({ notificationClass: 'dvrentry', change: 'not-a-list' });
    fake.broadcast({ notificationClass: 'whatever', x: 1 });
    const uuid = fake.scenario.createEntry({ title: 'Still works' });
    await h.waitForEvent('tvheadend.dvr.scheduled');
    expect(h.eventsOf('tvheadend.dvr.*').map((x) => x.entity?.id)).toEqual([uuid]);
    expect(h.status()).toMatchObject({ state: 'open', badFrames: 2 });
  });
});
