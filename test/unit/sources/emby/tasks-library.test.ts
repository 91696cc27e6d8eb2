import { decodeJson } from '../../../../app/core/engine/decode-json';
import { describe, expect, it } from 'vitest';
import { libraryEvents, lookupNames, parseLibraryChange } from '../../../../app/core/sources/emby/library';
import { parseEnvelope } from '../../../../app/core/sources/emby/protocol';
import { TaskTracker } from '../../../../app/core/sources/emby/tasks';
import { eventContext, frame, frameText } from './fixtures';

describe('emby scheduled tasks', () => {
  const ended = frame('scheduled-task-ended').Data as Record<string, unknown>;
  const failed = {
    ...ended,
    Status: 'Failed',
    EndTimeUtc: '2026-08-23T03:04:12Z',
    ErrorMessage: 'disk full',
  };

  it('ScheduledTaskEnded: completed is info, failed a warning', () => {
    const tracker = new TaskTracker();
    expect(tracker.ended(ended, eventContext())[0]).toMatchObject({
      type: 'emby.task.completed',
      title: 'Jellyfin: Scan Media Library completed',
      data: { durationMs: 252_500 },
    });
    expect(tracker.ended(failed, eventContext())[0]).toMatchObject({
      type: 'emby.task.failed',
      severity: 'warning',
      body: 'disk full',
    });
  });

  it('a run seen in both ScheduledTaskEnded and ScheduledTasksInfo is reported once; the first info is a baseline', () => {
    const tracker = new TaskTracker();
    const info = (last: unknown) => [
      { Id: 't1', Name: 'Scan Media Library', State: 'Idle', LastExecutionResult: last },
    ];
    expect(tracker.info(info(ended), eventContext())).toEqual([]);
    expect(tracker.info(info(ended), eventContext())).toEqual([]);
    expect(tracker.ended(failed, eventContext())).toHaveLength(1);
    expect(tracker.info(info(failed), eventContext())).toEqual([]);
    const later = { ...failed, EndTimeUtc: '2026-08-24T03:00:00Z' };
    expect(tracker.info(info(later), eventContext()).map((e) => e.type)).toEqual(['emby.task.failed']);
    expect(tracker.info('junk', eventContext())).toEqual([]);
  });
});

describe('emby library changes', () => {
  it('counts from the transcribed LibraryChanged frame, names when known', () => {
    const env = parseEnvelope(decodeJson(frameText('library-changed')));
    const change = parseLibraryChange(env.Data);
    const events = libraryEvents(eventContext(), env, 'k', change, [
      { id: '77aa0000000000000000000000000001', label: 'Some Show S01E01 · Pilot' },
    ]);
    expect(events.map((e) => e.type)).toEqual(['emby.library.added', 'emby.library.updated']);
    expect(events[0]).toMatchObject({
      title: 'Jellyfin: 2 new items',
      body: 'Some Show S01E01 · Pilot and 1 more',
      data: { added: 2, updated: 1, removed: 0 },
    });
    const anonymous = libraryEvents(eventContext(), env, 'k', change, []);
    expect(anonymous[0]).toMatchObject({ title: 'Jellyfin: 2 new items', body: '2 items added' });
  });

  it('looks names up with one bounded request and leaves folders out', async () => {
    const paths: string[] = [];
    const names = await lookupNames(
      async (path) => {
        paths.push(path);
        return {
          Items: [
            { Id: 'a', Name: 'Dune', Type: 'Movie', ProductionYear: 2021 },
            { Id: 'f', Name: 'Movies', Type: 'CollectionFolder' },
          ],
        };
      },
      ['a', 'f'],
      'u1',
    );
    expect(names).toEqual([
      { id: 'a', label: 'Dune (2021)', type: 'Movie', folder: false },
      { id: 'f', label: 'Movies', type: 'CollectionFolder', folder: true },
    ]);
    const env = parseEnvelope({ MessageType: 'LibraryChanged', Data: { ItemsAdded: ['a', 'f'] } });
    const [added] = libraryEvents(eventContext(), env, 'k', parseLibraryChange(env.Data), names);
    expect(added).toMatchObject({
      title: 'New on Jellyfin: Dune (2021)',
      data: { added: 1, itemIds: ['a'] },
    });
    expect(paths).toEqual(['/Items?Ids=a%2Cf&Fields=ProductionYear&UserId=u1']);
  });
});
