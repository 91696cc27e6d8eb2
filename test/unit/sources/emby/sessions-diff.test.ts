import { describe, expect, it } from 'vitest';
import { PlaybackTracker, diffPlaying, playingFrom } from '../../../../app/core/sources/emby/sessions-diff';
import { eventContext, frame, restSamples } from './fixtures';

const playing = (frame('sessions-playing').Data as Record<string, unknown>[])[0]!;
const idle = { ...playing, NowPlayingItem: undefined };
const paused = { ...playing, PlayState: { IsPaused: true } };
const otherItem = {
  ...playing,
  NowPlayingItem: {
    Id: 'next',
    Name: 'Second',
    SeriesName: 'Some Show',
    ParentIndexNumber: 1,
    IndexNumber: 2,
  },
};

describe('emby sessions diff', () => {
  it('reads who plays what from the transcribed Sessions frame', () => {
    const map = playingFrom([playing]);
    expect([...map.values()][0]).toMatchObject({
      userName: 'alice',
      deviceName: 'Living Room TV',
      itemId: '77aa0000000000000000000000000001',
      paused: false,
    });
  });

  it('ignores idle sessions, theme media, Herald itself and junk', () => {
    const theme = { ...playing, Id: 't', NowPlayingItem: { Id: 'x', IsThemeMedia: true } };
    const own = { ...playing, Id: 'own', DeviceId: 'herald-dev' };
    expect(playingFrom([idle, theme, own, null, 5, { Id: 7 }], 'herald-dev').size).toBe(0);
    expect(playingFrom('nope').size).toBe(0);
    // The Emby session sample is only browsing (NowViewingItem), not playing.
    expect(playingFrom([restSamples.embySession]).size).toBe(0);
  });

  it('start, pause, resume, item change and stop', () => {
    const steps = [[idle], [playing], [paused], [playing], [otherItem], []];
    const seen: string[] = [];
    for (let i = 1; i < steps.length; i++) {
      seen.push(...diffPlaying(playingFrom(steps[i - 1]), playingFrom(steps[i])).map((c) => c.change));
    }
    expect(seen).toEqual(['start', 'pause', 'resume', 'stop', 'start', 'stop']);
  });

  it('the first snapshot is a silent baseline; identical snapshots report nothing', () => {
    const tracker = new PlaybackTracker();
    expect(tracker.update([playing], eventContext())).toEqual([]);
    expect(tracker.update([playing], eventContext())).toEqual([]);
    const [stop] = tracker.update([idle], eventContext());
    expect(stop).toMatchObject({
      type: 'emby.playback.stop',
      title: 'alice stopped Some Show S01E01 · Pilot',
      body: 'on Living Room TV',
    });
    const [start] = tracker.update([playing], eventContext());
    expect(start).toMatchObject({
      type: 'emby.playback.start',
      entity: { kind: 'session', name: 'alice on Living Room TV' },
      data: { user: 'alice', itemName: 'Pilot', seriesName: 'Some Show' },
      url: 'http://jf.local:8096/web/#/details?id=77aa0000000000000000000000000001',
    });
    expect(start!.id).not.toBe(stop!.id);
  });
});
