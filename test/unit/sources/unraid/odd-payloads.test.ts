import { describe, expect, it } from 'vitest';
import { dispatchTopic } from '../../../../app/core/sources/unraid/dispatch';
import type { ContainerInfo } from '../../../../app/core/sources/unraid/protocol';
import { ArrayStatusSchema } from '../../../../app/core/sources/unraid/protocol';
import { makeRig } from './helpers';

const note = (id: string) => ({
  id,
  title: 'Unraid Status',
  subject: `Notice ${id}`,
  description: '',
  importance: 'normal',
  type: 'unread',
});

describe('odd payloads degrade without spam', () => {
  it('a notifications payload without a list does not wipe what was seen (no backlog replay)', () => {
    const rig = makeRig();
    const full = { overview: {}, notifications: [note('a.notify'), note('b.notify')] };
    expect(dispatchTopic('notifications_update', full, 1, {}, rig.sinks)).toBe(true);
    // A payload whose list is missing or not a list says nothing about the notifications.
    expect(dispatchTopic('notifications_update', {}, 2, {}, rig.sinks)).toBe(false);
    expect(dispatchTopic('notifications_update', { notifications: 'x' }, 3, {}, rig.sinks)).toBe(false);
    dispatchTopic('notifications_update', full, 4, {}, rig.sinks);
    expect(rig.types()).toEqual([]);
    // null is Go's empty list: really no notifications, and a new one after it is news.
    expect(dispatchTopic('notifications_update', { notifications: null }, 5, {}, rig.sinks)).toBe(true);
    dispatchTopic('notifications_update', { notifications: [note('c.notify')] }, 6, {}, rig.sinks);
    expect(rig.events.map((e) => e.entity?.id)).toEqual(['c.notify']);
  });

  it('an array status without a state (empty, or "unknown") is no array event', () => {
    const rig = makeRig();
    const started = { state: 'STARTED', parity_valid: true, parity_check_status: '' };
    dispatchTopic('array_status_update', started, 1, {}, rig.sinks);
    dispatchTopic('array_status_update', {}, 2, {}, rig.sinks);
    // The zero value of the agent's DTO, as an agent that has not collected yet may serve it.
    dispatchTopic(
      'array_status_update',
      { state: '', parity_valid: false, parity_check_status: '' },
      3,
      {},
      rig.sinks,
    );
    dispatchTopic('array_status_update', { state: 'unknown' }, 4, {}, rig.sinks);
    dispatchTopic('array_status_update', started, 5, {}, rig.sinks);
    expect(rig.types()).toEqual([]);
    expect(rig.tracker.arraySuppression()).toBeUndefined();
    // A real change still counts.
    dispatchTopic('array_status_update', { ...started, state: 'STOPPED' }, 6, {}, rig.sinks);
    expect(rig.types()).toEqual(['unraid.array.stopped']);
  });

  it('Docker down when Herald starts: once it is up, the next crash is still reported', () => {
    const rig = makeRig({ holdMs: 0 });
    rig.tracker.array(ArrayStatusSchema.parse({ state: 'STARTED' }), 0, {});
    const list = (plex: 'running' | 'exited'): ContainerInfo[] => [
      {
        id: '1',
        name: 'plex',
        state: plex,
        status: plex === 'running' ? 'Up 1 hour' : 'Exited (1) 2 seconds ago',
      },
      { id: '2', name: 'sonarr', state: 'running', status: 'Up 1 hour' },
    ];
    rig.watch.snapshot([], 0, {}); // the first list: Docker is not reachable
    rig.watch.snapshot(list('running'), 1, {});
    rig.watch.snapshot(list('exited'), 2, {});
    expect(rig.types()).toEqual(['unraid.docker.die']);
  });
});
