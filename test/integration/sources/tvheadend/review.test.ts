import { afterEach, describe, expect, it } from 'vitest';
import { rig, sleep, waitForCalls, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('tvheadend: the server changes its authentication type', () => {
  it('follows a server switched from Digest to Plain (Basic) across a restart', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    // The admin sets "Authentication type" to Plain and restarts Tvheadend.
    await fake.restart(() => void Object.assign(fake.auth, { mode: 'plain' }));
    await h.waitFor(
      () => fake.requests.some((q) => q.upgrade && q.status === 101 && /^Basic /.test(q.auth ?? '')),
      10_000,
      'a Basic upgrade after the switch',
    );
    await h.waitForState('open');
    expect(h.status().state).toBe('open');
  });
});

describe('tvheadend: the resync after a new mailbox', () => {
  it('is retried when its DVR read fails, so a recording that ended meanwhile is still reported', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const a = fake.scenario.createEntry({ title: 'A' });
    await h.waitForEvent('tvheadend.dvr.scheduled');
    fake.scenario.startRecording(a);
    await h.waitForEvent('tvheadend.dvr.started');
    await fake.restart(() => {
      fake.scenario.complete(a);
      // The server is still busy after its restart: the first grid read fails.
      fake.faults.set('/api/dvr/entry/grid', 500);
    });
    const done = await h.waitForEvent('tvheadend.dvr.completed', 10_000);
    expect(done.entity?.name).toBe('A');
    await sleep(300);
    expect(h.eventsOf('tvheadend.dvr.completed')).toHaveLength(1);
  });
});

describe('tvheadend: Herald’s own traffic in the server log', () => {
  it('its connection probe, refused with a 4xx on an anonymous server, is not reported as a server error', async () => {
    r = await rig({}, '', { users: [{ username: '*', password: '', admin: true }] });
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    // A reconnect reuses the mailbox, which queued the log line of the probe that preceded it.
    h.resume();
    await h.waitFor(
      () => fake.requests.filter((q) => q.upgrade && q.status === 101).length === 2,
      5000,
      'the reconnect',
    );
    fake.log('dvr: Recording error: "Marker" on "Test Channel"');
    await h.waitForEvent('tvheadend.log.error', 5000);
    await sleep(200);
    expect(h.eventsOf('tvheadend.log.error').map((e) => e.body)).toEqual([
      'Recording error: "Marker" on "Test Channel"',
    ]);
  });
});
