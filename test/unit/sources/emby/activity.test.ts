import { describe, expect, it } from 'vitest';
import { ActivityTracker, activityEvent, isOwnEntry } from '../../../../app/core/sources/emby/activity';
import type { ActivityLogEntry, QueryResult } from '../../../../app/core/sources/emby/protocol';
import { eventContext, restSamples } from './fixtures';

const sample = (restSamples.activityLogEntries as QueryResult<ActivityLogEntry>).Items!;
const byType = (t: string) => sample.find((e) => e.Type === t)!;

describe('emby activity log', () => {
  it('maps a failed login to a warning emby.activity.login_failed', () => {
    expect(activityEvent(eventContext(), byType('AuthenticationFailed'))).toMatchObject({
      id: 'jf:activity:1043',
      type: 'emby.activity.login_failed',
      severity: 'warning',
      title: 'Failed login attempt from bob',
      body: 'IP address: 192.168.1.50',
      time: Date.parse('2026-08-22T19:05:02.1Z'),
    });
    expect(activityEvent(eventContext(), byType('VideoPlayback')).type).toBe('emby.activity.playback_start');
    expect(activityEvent(eventContext(), byType('SessionStarted')).type).toBe(
      'emby.activity.session_started',
    );
    expect(activityEvent(eventContext(), { Id: 5, Type: 'PluginInstalled', Severity: 'Info' }).type).toBe(
      'emby.activity.plugin_installed',
    );
    expect(activityEvent(eventContext(), { Id: 6, Type: 'TaskFailed', Severity: 'Error' }).severity).toBe(
      'warning',
    );
  });

  it("recognises Herald's own SessionStarted/Ended and sign-in entries", () => {
    const own = { deviceName: 'Herald on box', userId: 'u1', signedInAt: Date.parse('2026-01-01T00:00:00Z') };
    expect(
      isOwnEntry(
        { Id: 1, Type: 'SessionStarted', Name: 'tray is online from Herald on box', UserId: 'u1' },
        own,
      ),
    ).toBe(true);
    expect(
      isOwnEntry(
        { Id: 2, Type: 'SessionEnded', Name: 'tray has disconnected from Herald on box', UserId: 'u1' },
        own,
      ),
    ).toBe(true);
    expect(
      isOwnEntry(
        { Id: 3, Type: 'SessionStarted', Name: 'alice is online from Living Room TV', UserId: 'u2' },
        own,
      ),
    ).toBe(false);
    expect(
      isOwnEntry({ Id: 4, Type: 'AuthenticationSucceeded', UserId: 'u1', Date: '2026-01-01T00:00:02Z' }, own),
    ).toBe(true);
    expect(
      isOwnEntry({ Id: 5, Type: 'AuthenticationSucceeded', UserId: 'u1', Date: '2026-01-03T00:00:02Z' }, own),
    ).toBe(false);
  });

  it('seeds the cursor without replaying history, then reports each Id once', async () => {
    const log: ActivityLogEntry[] = [{ Id: 10, Type: 'Old', Date: '2026-01-01T00:00:00Z' }];
    const queries: string[] = [];
    const reported: number[] = [];
    const tracker = new ActivityTracker(
      async (q) => {
        queries.push(q);
        const params = new URLSearchParams(q);
        const limit = Number(params.get('limit'));
        const min = params.get('minDate');
        const items = [...log].reverse().filter((e) => !min || e.Date! >= min);
        return { Items: items.slice(0, limit) };
      },
      (entries) => reported.push(...entries.map((e) => e.Id)),
      (err) => {
        throw err;
      },
    );
    await tracker.sync();
    expect(reported).toEqual([]);
    log.push(
      { Id: 11, Type: 'A', Date: '2026-01-01T00:01:00Z' },
      { Id: 12, Type: 'B', Date: '2026-01-01T00:01:00Z' },
    );
    await tracker.sync();
    expect(reported).toEqual([11, 12]);
    expect(queries.at(-1)).toContain('minDate=2026-01-01T00%3A00%3A00Z');
    // A reconnect's catch-up with nothing new, then several signals at once: one follow-up run, no repeats.
    await tracker.sync();
    log.push({ Id: 13, Type: 'C', Date: '2026-01-01T00:02:00Z' });
    await Promise.all([tracker.sync(), tracker.sync(), tracker.sync()]);
    expect(reported).toEqual([11, 12, 13]);
  });

  it('reports fetch errors and keeps working', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const tracker = new ActivityTracker(
      async () => {
        if (fail) throw new Error('boom');
        return { Items: [{ Id: 1 }, { Id: 'x' } as unknown as ActivityLogEntry] };
      },
      () => {},
      (err) => errors.push(err),
    );
    await tracker.sync();
    expect(errors).toHaveLength(1);
    fail = false;
    await tracker.sync();
    expect(errors).toHaveLength(1);
  });
});
