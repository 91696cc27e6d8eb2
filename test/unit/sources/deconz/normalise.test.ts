import { decodeJson } from '../../../../app/core/engine/decode-json';
import { describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../../../app/core/sources/source-event';
import { SourceEventSchema } from '../../../../app/core/sources/source-event';
import { normaliseFrame, parseFrame } from '../../../../app/core/sources/deconz/normalise';
import type { NormaliserDeps } from '../../../../app/core/sources/deconz/normalise';
import { loadSamples, primedDeps, wire } from './helpers';

function replayAll(deps: NormaliserDeps): Map<number, SourceEvent[]> {
  const bySeq = new Map<number, SourceEvent[]>();
  for (const sample of loadSamples())
    bySeq.set(sample._seq, normaliseFrame(deps, parseFrame(decodeJson(wire(sample)))));
  return bySeq;
}

const types = (events: SourceEvent[] | undefined) => (events ?? []).map((e) => e.type);

describe('deCONZ normaliser against the recorded samples', () => {
  const deps = primedDeps();
  const bySeq = replayAll(deps);

  it('produces valid HomeEvents only', () => {
    for (const events of bySeq.values())
      for (const e of events) expect(() => SourceEventSchema.parse(e)).not.toThrow();
  });

  it('names every event from the REST map, except the light added without a name', () => {
    for (const [seq, events] of bySeq) {
      for (const e of events) {
        if (seq === 41) expect(e.entity?.name).toBe('Light 7');
        else expect(e.entity?.name, `seq ${seq}`).not.toMatch(/^(Sensor|Light|Group|Alarm system) \d+$/);
      }
    }
  });

  it('maps each sample to the expected event types', () => {
    const expected: Record<number, string[]> = {
      1: ['deconz.device.added'],
      2: [],
      4: ['deconz.sensor.open'],
      5: ['deconz.sensor.closed'],
      7: ['deconz.sensor.water'],
      8: ['deconz.sensor.presence'],
      10: ['deconz.sensor.presence'],
      11: [],
      13: ['deconz.button'],
      14: [],
      16: ['deconz.button'],
      17: ['deconz.button'],
      19: [],
      20: ['deconz.button'],
      22: ['deconz.sensor.fire'],
      23: ['deconz.sensor.co'],
      25: ['deconz.sensor.vibration.cleared'],
      26: ['deconz.sensor.temperature'],
      28: ['deconz.sensor.tampered'],
      29: ['deconz.battery.low'],
      31: [],
      32: [],
      34: ['deconz.keypad.emergency'],
      35: ['deconz.light.on'],
      37: ['deconz.group.on'],
      38: [],
      40: ['deconz.light.off', 'deconz.device.unreachable'],
      41: ['deconz.device.added'],
      43: ['deconz.alarm.armed_away'],
      44: ['deconz.alarm.in_alarm'],
    };
    const actual = Object.fromEntries([...bySeq].map(([seq, events]) => [seq, types(events)]));
    expect(actual).toEqual(expected);
  });

  it('writes readable titles and marks danger as critical', () => {
    const first = (seq: number) => bySeq.get(seq)![0]!;
    expect(first(4).title).toBe('Front Door: opened');
    expect(first(5).title).toBe('Front Door: closed');
    expect(first(7)).toMatchObject({ title: 'Kitchen water leak: water detected', severity: 'critical' });
    expect(first(22).severity).toBe('critical');
    expect(first(23)).toMatchObject({ title: 'Cave CO: carbon monoxide detected', severity: 'critical' });
    expect(first(44)).toMatchObject({ title: 'default: IN ALARM', severity: 'critical' });
    expect(first(34).severity).toBe('critical');
    expect(first(29)).toMatchObject({ title: 'Presence sensor: battery low', severity: 'warning' });
    expect(first(40).title).toBe('Bedroom ceiling: turned off');
    expect(bySeq.get(40)![1]).toMatchObject({ title: 'Bedroom ceiling: unreachable', severity: 'warning' });
    expect(first(37).title).toBe('Living room: lights on');
    expect(first(1).title).toBe('ICZB-KPD12 10: new sensor added');
  });

  it('decodes button gestures', () => {
    expect(bySeq.get(13)![0]).toMatchObject({
      title: 'TRADFRI remote control: button 1 short press',
      data: { button: 1, action: 'short-release', code: 1002 },
    });
    expect(bySeq.get(17)![0]!.title).toBe('lumi.sensor_86sw2 11: button 2 short press');
    expect(bySeq.get(20)![0]).toMatchObject({
      title: 'Dimmer switch 3: button 2 pressed',
      data: { action: 'press' },
    });
  });

  it('keys entities by uniqueid and carries the device MAC', () => {
    expect(bySeq.get(7)![0]!.entity).toEqual({
      id: '00:15:8d:00:01:d7:87:0e-01-0500',
      name: 'Kitchen water leak',
      kind: 'sensor',
    });
    expect(bySeq.get(7)![0]!.data).toMatchObject({
      device: '00:15:8d:00:01:d7:87:0e',
      resourceType: 'ZHAWater',
    });
  });

  it('applies the legacy rename to later events', () => {
    expect(deps.names.nameOf('sensors', '10')).toBe('Pulse 2');
  });

  it('raises measurements as samples with real units', () => {
    expect(bySeq.get(26)![0]).toMatchObject({ sample: true, data: { value: 18, unit: '°C' } });
  });

  it('ignores an immediate re-send of each frame (websocketnotifyall, duplicate pushes)', () => {
    const fresh = primedDeps();
    const fired: number[] = [];
    for (const sample of loadSamples()) {
      normaliseFrame(fresh, parseFrame(decodeJson(wire(sample))));
      if (normaliseFrame(fresh, parseFrame(decodeJson(wire(sample)))).length > 0) fired.push(sample._seq);
    }
    // Only the captures without lastupdated (a press cannot be told from a re-send there) fire again,
    // plus the add events, which are announcements each time.
    expect(fired).toEqual([1, 20, 34, 41]);
  });
});

describe('deCONZ normaliser edge cases', () => {
  it('renames through attr.name and ignores lastseen-only attr pushes', () => {
    const deps = primedDeps();
    const push = (frame: object) => normaliseFrame(deps, parseFrame(frame));
    expect(
      push({
        t: 'event',
        e: 'changed',
        r: 'sensors',
        id: '3',
        attr: { name: 'Back Door', lastseen: '2026-01-01T10:00Z' },
      }),
    ).toEqual([]);
    expect(
      push({ t: 'event', e: 'changed', r: 'sensors', id: '3', attr: { lastseen: '2026-01-01T10:01Z' } }),
    ).toEqual([]);
    expect(
      push({
        t: 'event',
        e: 'changed',
        r: 'sensors',
        id: '3',
        state: { lastupdated: '2026-01-01T10:02:00' },
      }),
    ).toEqual([]);
    const [opened] = push({
      t: 'event',
      e: 'changed',
      r: 'sensors',
      id: '3',
      state: { open: true, lastupdated: '2026-01-01T10:03:00' },
    });
    expect(opened?.title).toBe('Back Door: opened');
  });

  it('renames groups through a top-level name', () => {
    const deps = primedDeps();
    normaliseFrame(
      deps,
      parseFrame(decodeJson('{"t":"event","e":"changed","r":"groups","id":"1","name":"Lounge"}')),
    );
    const [on] = normaliseFrame(
      deps,
      parseFrame(
        decodeJson('{"t":"event","e":"changed","r":"groups","id":"1","state":{"all_on":true,"any_on":true}}'),
      ),
    );
    expect(on?.title).toBe('Lounge: lights on');
  });

  it('names scenes through the group and knows the All group', () => {
    const deps = primedDeps();
    const [scene] = normaliseFrame(
      deps,
      parseFrame(decodeJson('{"e":"scene-called","gid":"1","r":"scenes","scid":"2","t":"event"}')),
    );
    expect(scene).toMatchObject({ type: 'deconz.scene.called', title: 'Living room: scene "Relax" called' });
    const [all] = normaliseFrame(
      deps,
      parseFrame(
        decodeJson(
          '{"e":"changed","id":"65520","r":"groups","state":{"all_on":false,"any_on":false},"t":"event"}',
        ),
      ),
    );
    expect(all).toMatchObject({ type: 'deconz.group.off', title: 'All: all lights off' });
  });

  it('reports a deletion under the old name and forgets the state', () => {
    const deps = primedDeps();
    const [gone] = normaliseFrame(
      deps,
      parseFrame(
        decodeJson(
          '{"e":"deleted","id":"34","r":"sensors","t":"event","uniqueid":"00:15:8d:00:01:d7:87:0e-01-0500"}',
        ),
      ),
    );
    expect(gone).toMatchObject({ type: 'deconz.device.deleted', title: 'Kitchen water leak: removed' });
    expect(deps.tracker.knows('sensors', '34')).toBe(false);
    expect(deps.names.nameOf('sensors', '34')).toBe('Kitchen water leak');
  });

  it('warns about low battery once per physical device, and again only after recovery', () => {
    const deps = primedDeps();
    const push = (id: string, battery: number) =>
      normaliseFrame(deps, parseFrame({ t: 'event', e: 'changed', r: 'sensors', id, config: { battery } }));
    // Sensors 24 and 25 are one Aqara weather sensor.
    expect(types(push('24', 15))).toEqual(['deconz.battery.low']);
    expect(types(push('25', 15))).toEqual([]);
    expect(types(push('24', 12))).toEqual([]);
    expect(types(push('24', 22))).toEqual([]);
    expect(types(push('24', 90))).toEqual(['deconz.battery.ok']);
    expect(types(push('24', 10))).toEqual(['deconz.battery.low']);
  });

  it('does not announce a first sighting of the inactive side', () => {
    const deps = primedDeps();
    const frame = (state: object) => parseFrame({ t: 'event', e: 'changed', r: 'sensors', id: '77', state });
    expect(normaliseFrame(deps, frame({ open: false }))).toEqual([]);
    expect(types(normaliseFrame(deps, frame({ open: true })))).toEqual(['deconz.sensor.open']);
  });

  it('treats each press of the same button as new, but not a re-send of it', () => {
    const deps = primedDeps();
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
              state: { buttonevent: 1002, lastupdated: at },
            }),
          ),
        ),
      );
    expect(press('2026-01-01T10:00:00.100')).toHaveLength(1);
    expect(press('2026-01-01T10:00:00.100')).toHaveLength(0);
    expect(press('2026-01-01T10:00:01.900')).toHaveLength(1);
  });

  it('keeps Daylight and CLIP sensors quiet', () => {
    const deps = primedDeps();
    deps.names.upsert('sensors', '90', { name: 'Virtual door', type: 'CLIPOpenClose' });
    expect(
      normaliseFrame(
        deps,
        parseFrame(decodeJson('{"t":"event","e":"changed","r":"sensors","id":"90","state":{"open":true}}')),
      ),
    ).toEqual([]);
    deps.options.includeClip = true;
    expect(
      types(
        normaliseFrame(
          deps,
          parseFrame(
            decodeJson('{"t":"event","e":"changed","r":"sensors","id":"90","state":{"open":false}}'),
          ),
        ),
      ),
    ).toEqual(['deconz.sensor.closed']);
  });

  it('rejects junk with a readable error', () => {
    expect(() => parseFrame(decodeJson('not json'))).toThrow('frame is not JSON');
    expect(() => parseFrame(decodeJson('[1,2]'))).toThrow(/not a deCONZ event frame/);
    expect(() => parseFrame(decodeJson('{"t":"event"}'))).toThrow(/not a deCONZ event frame/);
    const deps = primedDeps();
    expect(
      normaliseFrame(deps, parseFrame(decodeJson('{"t":"event","e":"changed","r":"rules","id":"1"}'))),
    ).toEqual([]);
    expect(() =>
      parseFrame(decodeJson('{"t":"event","e":"changed","r":"sensors","id":"3","state":"weird"}')),
    ).toThrow(/expected record/);
  });
});
