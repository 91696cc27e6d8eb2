import { describe, expect, it } from 'vitest';
import type { ContainerInfo } from '../../../../app/core/sources/unraid/protocol';
import { ArrayStatusSchema } from '../../../../app/core/sources/unraid/protocol';
import { makeRig } from './helpers';

const names = Array.from({ length: 30 }, (_, i) => `app${i}`);
const list = (state: 'running' | 'exited', code = 0): ContainerInfo[] =>
  names.map((name) => ({
    id: `${name}-id`,
    name,
    state,
    status: state === 'running' ? 'Up 3 hours' : `Exited (${code}) 1 second ago`,
    restart_count: state === 'running' ? 0 : undefined,
  }));
const array = (state: string) => ArrayStatusSchema.parse({ state, parity_check_status: '' });

describe('ContainerWatch suppression', () => {
  it('array stop: thirty held container stops give way to one "array stopped"', () => {
    const rig = makeRig({ holdMs: 5_000 });
    rig.tracker.array(array('STARTED'), 0, {});
    rig.watch.snapshot(list('running'), 0, {});
    // Unraid stops Docker with the array: containers exit first, but one keeps running for a moment.
    const partly = list('exited');
    partly[0] = { ...partly[0]!, state: 'running', status: 'Up 3 hours' };
    rig.watch.snapshot(partly, 1, {});
    rig.clock.now += 1_000;
    rig.tracker.array(array('STOPPED'), 2, {});
    rig.watch.snapshot([], 3, {});
    rig.clock.now += 10_000;
    rig.runTimers();
    expect(rig.types()).toEqual(['unraid.array.stopped']);
  });

  it('every running container stopping at once is one "Docker stopped", not thirty', () => {
    const rig = makeRig({ holdMs: 0 });
    rig.tracker.array(array('STARTED'), 0, {});
    rig.watch.snapshot(list('running'), 0, {});
    rig.watch.snapshot(list('exited'), 1, {});
    rig.watch.snapshot([], 2, {});
    expect(rig.types()).toEqual(['unraid.docker-service.stopped']);
    expect(rig.events[0]!.body).toMatch(/All 30 running containers stopped/);
    // Docker comes back with everything running: one "started", no thirty starts
    rig.watch.snapshot(list('exited'), 3, {});
    rig.watch.snapshot(list('running'), 4, {});
    expect(rig.types()).toEqual(['unraid.docker-service.stopped', 'unraid.docker-service.started']);
  });

  it('a single crash while the array runs is released after the hold', () => {
    const rig = makeRig({ holdMs: 5_000, settleMs: 60_000 });
    rig.tracker.array(array('STARTED'), 0, {});
    rig.watch.snapshot(list('running'), 0, {});
    const crashed = list('running');
    crashed[3] = { ...crashed[3]!, state: 'exited', status: 'Exited (1) 2 seconds ago' };
    rig.watch.snapshot(crashed, 1, {});
    expect(rig.events).toEqual([]);
    rig.clock.now += 4_999;
    rig.runTimers();
    expect(rig.events).toEqual([]);
    rig.clock.now += 1;
    rig.runTimers();
    expect(rig.events).toEqual([
      expect.objectContaining({
        type: 'unraid.docker.die',
        severity: 'warning',
        data: expect.objectContaining({ exitCode: 1, expected: false }),
      }),
    ]);
  });

  it('stays quiet while the array has just started, then reports again', () => {
    const rig = makeRig({ holdMs: 0, settleMs: 60_000 });
    rig.tracker.array(array('STOPPED'), 0, {});
    rig.watch.snapshot(list('exited'), 0, {});
    rig.tracker.array(array('STARTED'), 1, {});
    rig.watch.snapshot(list('running'), 2, {});
    expect(rig.types()).toEqual(['unraid.array.started']);
    rig.clock.now += 61_000;
    const stopped = list('running');
    stopped[0] = { ...stopped[0]!, state: 'exited', status: 'Exited (0) 1 second ago' };
    rig.watch.snapshot(stopped, 3, {});
    expect(rig.types()).toEqual(['unraid.array.started', 'unraid.docker.stop']);
    expect(rig.events[1]!.data).toMatchObject({ expected: true, exitCode: 0 });
  });

  it('holds back container changes while the agent reports Docker unavailable', () => {
    const rig = makeRig({ holdMs: 0 });
    rig.tracker.array(array('STARTED'), 0, {});
    rig.watch.snapshot(list('running'), 0, {});
    rig.watch.dockerSource('unavailable');
    const one = list('running');
    one[0] = { ...one[0]!, state: 'exited', status: 'Exited (1) 1 second ago' };
    rig.watch.snapshot(one, 1, {});
    expect(rig.events).toEqual([]);
  });

  it('legacy docker events go through the same suppression', () => {
    const rig = makeRig({ holdMs: 1_000 });
    rig.tracker.array(array('STARTED'), 0, {});
    const ev = {
      id: 'x',
      sourceId: 'tower',
      sourceKind: 'unraid',
      type: 'unraid.docker.stop',
      time: 0,
      severity: 'info' as const,
      title: '',
      body: '',
      raw: {},
    };
    rig.watch.legacyEvent(ev);
    rig.tracker.array(array('STOPPED'), 1, {});
    rig.watch.legacyEvent({ ...ev, id: 'y' });
    rig.clock.now += 2_000;
    rig.runTimers();
    expect(rig.types()).toEqual(['unraid.array.stopped']);
  });
});
