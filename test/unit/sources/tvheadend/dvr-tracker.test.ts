import { describe, expect, it } from 'vitest';
import { DvrTracker } from '../../../../app/core/sources/tvheadend/dvr-tracker';
import { dvrEvent } from '../../../../app/core/sources/tvheadend/events';
import { dvrEntriesFrom } from '../../../../app/core/sources/tvheadend/normalise';
import type { DvrEntryWire } from '../../../../app/core/sources/tvheadend/protocol';
import { samples, stateChanges } from './fixture';

const base = {
  sourceId: 'tvh',
  sourceKind: 'tvheadend',
  webUrl: 'http://127.0.0.1:9981/',
  now: 1_795_348_600_000,
};

describe('DvrTracker on the recorded successful recording', () => {
  it('reports started once and completed once, whatever the byte counts do', () => {
    const [waiting, running, completed] = stateChanges('dvr_success_ffmpeg_iptv').map(
      (b) => dvrEntriesFrom(b)[0]!,
    );
    const tracker = new DvrTracker();
    const kinds: string[] = [];
    const feed = (e: DvrEntryWire) => kinds.push(...tracker.observe(e).map((t) => t.kind));
    feed(waiting!);
    feed(running!);
    // The ~5 s progress notices: only filesize moves.
    for (let size = 100_000; size < 2_900_000; size += 400_000) feed({ ...running!, filesize: size });
    feed(completed!);
    feed(completed!);
    expect(kinds).toEqual(['started', 'completed']);
  });

  it('builds a completed event with title, channel and a stable id', () => {
    const [, , completed] = stateChanges('dvr_success_ffmpeg_iptv').map((b) => dvrEntriesFrom(b)[0]!);
    const tracker = new DvrTracker();
    tracker.observe({ ...completed!, sched_status: 'recording', status: 'Running' });
    const [t] = tracker.observe(completed!);
    const event = dvrEvent(base, t!);
    expect(event).toMatchObject({
      id: 'tvh:dvr:6674e2e488810b3bf18d31464554f68d:completed',
      type: 'tvheadend.dvr.completed',
      severity: 'info',
      title: 'Recording completed: Real recording test',
      body: 'Real recording test — Pilot on Test Channel',
      entity: { id: '6674e2e488810b3bf18d31464554f68d', name: 'Real recording test', kind: 'recording' },
      url: 'http://127.0.0.1:9981/',
      data: {
        schedStatus: 'completed',
        previousSchedStatus: 'recording',
        channel: 'Test Channel',
        filesize: 2957616,
      },
    });
  });
});

describe('DvrTracker on the recorded failed recording (no tuner)', () => {
  const verbose = samples.dvr_failed_no_tuner.http.filter((h: { request: unknown }) => h.request === null);
  const during = dvrEntriesFrom(verbose[0].body)[0]!;
  const after = dvrEntriesFrom(verbose[1].body)[0]!;

  it('reports the problem with its cause, then the failure with the remembered cause', () => {
    const tracker = new DvrTracker();
    const [problem] = tracker.observe(during);
    expect(tracker.observe(during)).toEqual([]);
    const [failed] = tracker.observe(after);
    expect(problem!.kind).toBe('problem');
    const failedEvent = dvrEvent(base, failed!);
    expect(failedEvent.type).toBe('tvheadend.dvr.failed');
    expect(failedEvent.severity).toBe('warning');
    expect(failedEvent.data?.reason).toBe('No tuner is assigned to this channel; no file was written');
    expect(failedEvent.body).toContain('No tuner is assigned to this channel');
    expect(dvrEvent(base, problem!).data?.reason).toBe(
      'No tuner is assigned to this channel; the stream never arrived',
    );
  });

  it('reports removal of a known entry with its last state, and ignores unknown ones', () => {
    const tracker = new DvrTracker();
    tracker.observe(after, { silent: true });
    const [removed] = tracker.remove(after.uuid);
    expect(dvrEvent(base, removed!)).toMatchObject({
      type: 'tvheadend.dvr.removed',
      data: { previousSchedStatus: 'completedError' },
    });
    expect(tracker.remove(after.uuid)).toEqual([]);
  });
});

describe('DvrTracker rules', () => {
  const entry = (sched: string, extra: Partial<DvrEntryWire> = {}): DvrEntryWire => ({
    uuid: 'u1',
    disp_title: 'Film',
    sched_status: sched,
    ...extra,
  });

  it('learns silently, then reports only new states', () => {
    const tracker = new DvrTracker();
    expect(tracker.observe(entry('recording'), { silent: true })).toEqual([]);
    expect(tracker.observe(entry('recording', { filesize: 5 }))).toEqual([]);
    expect(tracker.observe(entry('completed')).map((t) => t.kind)).toEqual(['completed']);
  });

  it('does not re-report a state it already reported (flapping back to recording)', () => {
    const tracker = new DvrTracker();
    const kinds = ['recording', 'recordingError', 'recording', 'recordingError', 'completed'].flatMap((s) =>
      tracker.observe(entry(s, { errorcode: s === 'recordingError' ? 203 : 0 })).map((t) => t.kind),
    );
    expect(kinds).toEqual(['started', 'problem', 'completed']);
  });

  it('treats unknown entries that finished long ago as history', () => {
    const tracker = new DvrTracker();
    expect(tracker.observe(entry('completed', { stop_real: 1000 }), { staleBefore: 5000 })).toEqual([]);
    expect(
      tracker.observe(entry('completed', { uuid: 'u2', stop_real: 9000 }), { staleBefore: 5000 }),
    ).toHaveLength(1);
  });

  it('reconciles a snapshot: missed transitions once, new entries, vanished entries', () => {
    const tracker = new DvrTracker();
    tracker.reconcile([entry('scheduled'), entry('recording', { uuid: 'gone' })], { silent: true });
    const first = tracker.reconcile([entry('completed'), entry('scheduled', { uuid: 'new' })]);
    expect(first.map((t) => `${t.entry.uuid}:${t.kind}`)).toEqual([
      'u1:completed',
      'new:scheduled',
      'gone:removed',
    ]);
    expect(tracker.reconcile([entry('completed'), entry('scheduled', { uuid: 'new' })])).toEqual([]);
  });
});
