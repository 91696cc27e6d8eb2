import { decodeJson } from '../../../../app/core/engine/decode-json';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOG_ERROR_PATTERN,
  dvrEntriesFrom,
  epgEventFrom,
  isInternalSubscription,
  parseFrame,
  parseLogLine,
  subscriptionsFrom,
  summariseFrame,
} from '../../../../app/core/sources/tvheadend/normalise';
import { allFrames, samples, stateChanges } from './fixture';

const summary = (frame: unknown) => summariseFrame(parseFrame(frame));

describe('parseFrame', () => {
  it('accepts every recorded frame', () => {
    const frames = allFrames();
    expect(frames.length).toBeGreaterThan(50);
    for (const f of frames) expect(parseFrame(f.frame).messages.length).toBe(f.frame.messages.length);
  });

  it('rejects what is not a comet envelope, and skips messages without a class', () => {
    expect(() => parseFrame(decodeJson('not json'))).toThrow(/not JSON/);
    expect(() => parseFrame(decodeJson('{"boxid":"x"}'))).toThrow(/messages/);
    expect(() => parseFrame(decodeJson('[1,2]'))).toThrow(/messages/);
    expect(
      parseFrame(decodeJson('{"messages":[1,null,{"a":1},{"notificationClass":"x"}]}')).messages,
    ).toEqual([{ notificationClass: 'x' }]);
  });
});

describe('summariseFrame', () => {
  it('reads boxid, rights, address and disk from the first admin frame', () => {
    const s = summary(samples.first_frame_admin[0].frame);
    expect(s.boxid).toBe('19840996932d08a14264fb2a0a8b2019dac97d80');
    expect(s.access).toMatchObject({
      admin: 1,
      address: '127.0.0.1',
      username: '',
      freediskspace: 82966392832,
    });
    expect(s.dvrChanged).toEqual([]);
  });

  it('sees a non-admin first frame, and the admin-only side effect as a log line', () => {
    const [adminSide, viewer] = samples.first_frame_viewer_and_admin_side_effect;
    expect(summary(viewer.frame).access).toMatchObject({ admin: 0, username: 'viewer' });
    expect(summary(adminSide.frame).logLines).toEqual(['Restricted log mode (no administrator)']);
  });

  it('merges create and change of one uuid, across separate objects of one class', () => {
    const [viewerFrame] = samples.dvr_failed_no_tuner.frames;
    const s = summary(viewerFrame.frame);
    expect(s.dvrChanged).toEqual(['fb79174cac5694620e05766d6bbd9012']);
    expect(s.subscriptionsChanged).toBe(true);
    expect(s.disk?.freediskspace).toBe(82966343680);
    const cancel = summary(samples.dvr_cancel_and_remove.frames[0].frame);
    expect(cancel.dvrChanged).toEqual(['6dd88f7678d6c8c4e1ecde588e3c8b2b']);
    const del = summary(samples.dvr_cancel_and_remove.frames[2].frame);
    expect(del.dvrDeleted).toEqual(['6dd88f7678d6c8c4e1ecde588e3c8b2b']);
    expect(del.dvrChanged).toEqual([]);
  });

  it('treats per-second subscription objects as noise and reloads as a change', () => {
    const frames = samples.http_stream_subscription_admin_frames.map((f: { frame: unknown }) =>
      summary(f.frame),
    );
    // Frames 1..4 carry only updateEntry/input_status objects; 0 and 5 are the start and the stop.
    expect(frames.map((s: { subscriptionsChanged: boolean }) => s.subscriptionsChanged)).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('collects EPG dvr_update ids and log lines', () => {
    const s = summary(samples.epg_and_dvr_by_event.frames[3].frame);
    expect(s.epgDvrUpdates).toEqual(['2']);
    expect(s.dvrChanged).toEqual(['75aa7cb38506e23d99ee0e9d81702f70']);
    expect(s.logLines[0]).toContain('scheduled for recording by');
  });
});

describe('REST answers', () => {
  it('reads DVR entries in the verbose idnode/load form', () => {
    const verbose = samples.dvr_failed_no_tuner.http.filter(
      (h: { request: unknown; body?: unknown }) => h.request === null,
    );
    const [during] = dvrEntriesFrom(verbose[0].body);
    expect(during).toMatchObject({
      uuid: 'fb79174cac5694620e05766d6bbd9012',
      disp_title: 'Notifier test recording',
      status: 'Waiting for stream',
      sched_status: 'recordingError',
      errorcode: 209,
    });
    expect(dvrEntriesFrom(verbose[1].body)[0]).toMatchObject({
      sched_status: 'completedError',
      status: 'File missing',
    });
  });

  it('reads flat grid=1 entries and grids', () => {
    const [running, done] = stateChanges('dvr_success_ffmpeg_iptv')
      .slice(1)
      .map((b) => dvrEntriesFrom(b)[0]);
    expect(running).toMatchObject({ sched_status: 'recording', status: 'Running', filesize: 73508 });
    expect(done).toMatchObject({
      sched_status: 'completed',
      channelname: 'Test Channel',
      disp_subtitle: 'Pilot',
    });
    const grid = samples.dvr_success_ffmpeg_iptv.http.find((h: { request?: string }) =>
      h.request?.startsWith('dvr/entry/grid_finished'),
    );
    expect(dvrEntriesFrom(grid.body)).toHaveLength(1);
    expect(dvrEntriesFrom({ entries: [{ nouuid: 1 }, 'x'] })).toEqual([]);
    expect(dvrEntriesFrom('garbage')).toEqual([]);
  });

  it('reads subscriptions and tells viewers from internal ones', () => {
    const subs = subscriptionsFrom(samples.http_stream_subscription_api[0].body);
    expect(subs.map((s) => [s.id, s.title, isInternalSubscription(s)])).toEqual([
      [6, 'HTTP', false],
      [5, 'epggrab', true],
    ]);
    expect(subs[0]).toMatchObject({ username: 'viewer', client: 'TestPlayer/1.0', channel: 'Test Channel' });
    expect(isInternalSubscription({ id: 4, title: 'DVR: Real recording test' })).toBe(true);
    expect(isInternalSubscription({ id: 9, title: 'Kodi' })).toBe(false);
  });

  it('reads an EPG event', () => {
    const load = samples.epg_and_dvr_by_event.http.find((h: { request?: string }) =>
      h.request?.startsWith('epg/events/load'),
    );
    expect(epgEventFrom(load.body)).toMatchObject({
      eventId: 2,
      title: 'Future Movie',
      dvrState: 'scheduled',
    });
    expect(epgEventFrom({ entries: [] })).toBeUndefined();
  });
});

describe('log lines', () => {
  const pattern = new RegExp(DEFAULT_LOG_ERROR_PATTERN, 'i');
  const lines = allFrames().flatMap((f) =>
    f.frame.messages.filter((m) => m.notificationClass === 'logmessage').map((m) => String(m.logtxt)),
  );

  it('splits stamp, subsystem and text', () => {
    expect(
      parseLogLine('2026-11-22 11:50:19.732 dvr: Recording unable to start: "X": No assigned adapters'),
    ).toEqual({
      stamp: '2026-11-22 11:50:19.732',
      subsystem: 'dvr',
      text: 'Recording unable to start: "X": No assigned adapters',
    });
    expect(parseLogLine('Restricted log mode (no administrator)')).toEqual({
      text: 'Restricted log mode (no administrator)',
    });
  });

  it('flags the error lines of the recordings and not the chatter', () => {
    const flagged = lines.filter((l) => pattern.test(l));
    expect(flagged.some((l) => l.includes('Recording unable to start'))).toBe(true);
    expect(flagged.some((l) => l.includes('No input source available'))).toBe(true);
    expect(flagged.some((l) => l.includes('-- 403'))).toBe(true);
    expect(flagged.some((l) => l.includes('xmltv'))).toBe(false);
    expect(flagged.some((l) => l.includes('recorder starting'))).toBe(false);
    expect(flagged.some((l) => l.includes('Completed OK'))).toBe(false);
    expect(flagged.some((l) => l.includes('Restricted log mode'))).toBe(false);
  });
});
