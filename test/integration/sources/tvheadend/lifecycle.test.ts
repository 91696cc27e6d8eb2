import { afterEach, describe, expect, it } from 'vitest';
import { calls, rig, sleep, types, waitForCalls, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('tvheadend source against the fake server: DVR', () => {
  it('connects with Digest and the tvheadend-comet subprotocol, then learns existing state silently', async () => {
    r = await rig();
    const { fake, h } = r;
    const before = fake.scenario.createEntry({ title: 'Already scheduled' });
    void before;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const upgrade = fake.requests.find((q) => q.upgrade && q.status === 101)!;
    expect(upgrade.auth).toMatch(
      /^Digest username="admin", realm="tvheadend", .*algorithm=MD5.*qop=auth, nc=00000001/,
    );
    expect(upgrade.protocols).toBe('tvheadend-comet');
    expect(upgrade.query).toBe('');
    expect(h.events).toEqual([]);
  });

  it('reports a full recording lifecycle exactly once, and nothing for byte counts', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const uuid = fake.scenario.createEntry({ title: 'Film', subtitle: 'Part 1' });
    const scheduled = await h.waitForEvent('tvheadend.dvr.scheduled');
    expect(scheduled).toMatchObject({
      entity: { id: uuid, name: 'Film', kind: 'recording' },
      severity: 'info',
    });
    fake.scenario.startRecording(uuid);
    await h.waitForEvent('tvheadend.dvr.started');
    const loads = calls(fake, '/api/idnode/load');
    for (let i = 0; i < 5; i++) {
      fake.scenario.progress(uuid);
      await sleep(70);
    }
    await waitForCalls(fake, '/api/idnode/load', loads + 3);
    expect(types(h)).toEqual(['tvheadend.dvr.scheduled', 'tvheadend.dvr.started']);
    fake.scenario.complete(uuid);
    const completed = await h.waitForEvent('tvheadend.dvr.completed');
    expect(completed).toMatchObject({
      id: `tvh:dvr:${uuid}:completed`,
      title: 'Recording completed: Film',
      body: 'Film — Part 1 on Test Channel',
      data: { schedStatus: 'completed', previousSchedStatus: 'recording', filesize: 2_000_000 },
    });
    fake.scenario.removeEntry(uuid);
    await h.waitForEvent('tvheadend.dvr.removed');
    await sleep(300);
    expect(types(h, 'tvheadend.dvr.*')).toEqual([
      'tvheadend.dvr.scheduled',
      'tvheadend.dvr.started',
      'tvheadend.dvr.completed',
      'tvheadend.dvr.removed',
    ]);
  });

  it('reports a failed recording with the reason in plain words', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const uuid = fake.scenario.createEntry({ title: 'News' });
    await h.waitForEvent('tvheadend.dvr.scheduled');
    fake.scenario.startRecording(uuid, 'Waiting for stream');
    fake.scenario.recordingError(uuid, 209);
    const problem = await h.waitForEvent('tvheadend.dvr.problem');
    expect(problem.data?.reason).toBe('No tuner is assigned to this channel; the stream never arrived');
    fake.scenario.fail(uuid);
    const failed = await h.waitForEvent('tvheadend.dvr.failed');
    expect(failed).toMatchObject({
      severity: 'warning',
      data: { errorcode: 0, schedStatus: 'completedError' },
    });
    expect(failed.data?.reason).toBe('No tuner is assigned to this channel; no file was written');
    expect(failed.body).toBe(
      'News on Test Channel: No tuner is assigned to this channel; no file was written',
    );
    // Admin accounts also get the server's error lines; our own look-ups are not among them.
    await h.waitForEvent('tvheadend.log.error');
    expect(h.eventsOf('tvheadend.log.error').map((e) => e.body)).toContain(
      'Recording unable to start: "News": No assigned adapters',
    );
  });
});

describe('tvheadend source against the fake server: reconnects', () => {
  it('reuses its mailbox on a reconnect and gets what was queued meanwhile, without a resync', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const first = fake.comet.sent[0]!.frame.boxid;
    h.resume();
    fake.scenario.createEntry({ title: 'While away' });
    await h.waitForEvent('tvheadend.dvr.scheduled');
    const upgrades = fake.requests.filter((q) => q.upgrade && q.status === 101);
    expect(upgrades.length).toBe(2);
    expect(upgrades[1]!.query).toBe(`boxid=${first}`);
    expect(calls(fake, '/api/dvr/entry/grid')).toBe(1);
  });

  it('resyncs after a server restart (new boxid): missed transitions once, no replays', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    await waitForCalls(fake, '/api/dvr/entry/grid', 1);
    const a = fake.scenario.createEntry({ title: 'A' });
    const c = fake.scenario.createEntry({ title: 'C' });
    await h.waitFor(() => h.eventsOf('tvheadend.dvr.scheduled').length === 2);
    fake.scenario.startRecording(a);
    await h.waitForEvent('tvheadend.dvr.started');
    await fake.restart(() => {
      // Nobody hears these: the server is down and its mailboxes are gone.
      fake.scenario.complete(a);
      fake.scenario.createEntry({ title: 'B' });
      fake.scenario.removeEntry(c);
    });
    await h.waitFor(() => h.events.length >= 6, 10_000, 'the resync events');
    await sleep(300);
    const summary = h.events.map((e) => `${e.type.replace('tvheadend.dvr.', '')}:${e.entity?.name}`);
    expect(summary.slice(3).sort()).toEqual(['completed:A', 'removed:C', 'scheduled:B']);
    expect(summary).toHaveLength(6);
    const boxids = new Set(fake.comet.sent.map((s) => s.frame.boxid).filter(Boolean));
    expect(boxids.size).toBe(2);

    // A second restart with nothing changed reports nothing.
    await fake.restart();
    await waitForCalls(fake, '/api/dvr/entry/grid', 3, 10_000);
    await sleep(200);
    expect(h.events).toHaveLength(6);
  });
});
