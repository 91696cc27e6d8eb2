import { decodeJson } from '../../../../app/core/engine/decode-json';
import { describe, expect, it } from 'vitest';
import { normaliseFrame, parseFrame } from '../../../../app/core/sources/deconz/normalise';
import { applySnapshot } from '../../../../app/core/sources/deconz/resync';
import { makeDeps, primedDeps, stateSnapshot } from './helpers';

describe('deCONZ resync after a reconnect', () => {
  it('treats the first snapshot as a silent baseline', () => {
    const deps = makeDeps();
    const snapshot = stateSnapshot();
    snapshot.sensors['34']!.state!.water = true;
    expect(applySnapshot(deps, snapshot, false)).toEqual([]);
    expect(deps.names.nameOf('groups', '65520')).toBe('All');
  });

  it('reports level changes made while offline once, marked offline, and never replays presses', () => {
    const deps = primedDeps();
    const snapshot = stateSnapshot();
    snapshot.sensors['34']!.state = {
      ...snapshot.sensors['34']!.state,
      water: true,
      lastupdated: '2025-12-31T23:10:00',
    };
    snapshot.sensors['3']!.state = { ...snapshot.sensors['3']!.state, open: true };
    snapshot.sensors['12']!.state = { buttonevent: 4002, lastupdated: '2025-12-31T23:11:00' };
    snapshot.sensors['43']!.state = { ...snapshot.sensors['43']!.state, presence: true };
    snapshot.sensors['30']!.state = { ...snapshot.sensors['30']!.state, action: 'panic' };
    snapshot.lights['5']!.state = { ...snapshot.lights['5']!.state, reachable: false };
    snapshot.alarmsystems['1']!.state = { armstate: 'in_alarm', seconds_remaining: 0 };
    const events = applySnapshot(deps, snapshot, true);
    expect(events.map((e) => e.type).sort()).toEqual(
      [
        'deconz.alarm.in_alarm',
        'deconz.device.unreachable',
        'deconz.sensor.open',
        'deconz.sensor.water',
      ].sort(),
    );
    const water = events.find((e) => e.type === 'deconz.sensor.water')!;
    expect(water.title).toBe('Kitchen water leak: water detected while Herald was offline');
    expect(water.data).toMatchObject({ offline: true, value: true, previous: false });
    expect(water.time).toBe(Date.UTC(2025, 11, 31, 23, 10, 0));
    expect(water.severity).toBe('critical');
    // The same snapshot again changes nothing.
    expect(applySnapshot(deps, snapshot, true)).toEqual([]);
    // A re-send of the press that is in the snapshot is not a new press; a later press is.
    const press = (at: string) =>
      normaliseFrame(
        deps,
        parseFrame(
          decodeJson(
            JSON.stringify({
              t: 'event',
              e: 'changed',
              r: 'sensors',
              id: '12',
              state: { buttonevent: 4002, lastupdated: at },
            }),
          ),
        ),
      );
    expect(press('2025-12-31T23:11:00')).toEqual([]);
  });

  it('counts a press pushed while the snapshot loaded, even though the snapshot shows it', () => {
    const deps = primedDeps();
    const snapshot = stateSnapshot();
    snapshot.sensors['12']!.state = { buttonevent: 2002, lastupdated: '2026-01-01T11:00:00.500' };
    applySnapshot(deps, snapshot, true);
    const frame = parseFrame(
      decodeJson(
        '{"t":"event","e":"changed","r":"sensors","id":"12","state":{"buttonevent":2002,"lastupdated":"2026-01-01T11:00:00.500"}}',
      ),
    );
    expect(normaliseFrame(deps, frame, { duringSnapshot: true })).toHaveLength(1);
    // …and its re-send afterwards is not another press.
    expect(normaliseFrame(deps, frame)).toHaveLength(0);
  });

  it('counts a press made after the snapshot', () => {
    const deps = primedDeps();
    const [press] = normaliseFrame(
      deps,
      parseFrame(
        decodeJson(
          '{"t":"event","e":"changed","r":"sensors","id":"12","state":{"buttonevent":3002,"lastupdated":"2026-01-01T11:00:00"}}',
        ),
      ),
    );
    expect(press?.title).toBe('Dimmer switch 3: button 3 short press');
  });

  it('drops resources that vanished and learns new ones without announcing them', () => {
    const deps = primedDeps();
    const snapshot = stateSnapshot();
    delete snapshot.sensors['21'];
    snapshot.sensors['99'] = { name: 'Garage door', type: 'ZHAOpenClose', state: { open: true } };
    expect(applySnapshot(deps, snapshot, true)).toEqual([]);
    expect(deps.tracker.knows('sensors', '21')).toBe(false);
    expect(deps.names.nameOf('sensors', '99')).toBe('Garage door');
  });
});
