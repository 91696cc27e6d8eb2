import { describe, expect, it } from 'vitest';
import { flush, gateway, openSession } from './setup';

describe('deCONZ names', () => {
  it('follows renames in both forms, for sensors and groups', async () => {
    const gw = await gateway();
    const h = await openSession(gw);
    gw.rename('sensors', '3', 'Back Door', 'attr');
    gw.setSensorState('3', { open: true });
    gw.rename('sensors', '34', 'Utility room leak', 'legacy');
    gw.setSensorState('34', { water: true });
    gw.rename('groups', '1', 'Lounge', 'legacy');
    gw.setLightState('2', { on: true });
    await flush(gw, h);
    expect(h.events.map((e) => e.title)).toEqual([
      'Back Door: opened',
      'Utility room leak: water detected',
      'Couch: turned on',
      // "All" (65520) also holds light 5, which is on: its any_on does not move.
      'Lounge: lights on',
    ]);
  });

  it('learns added devices (fetching a nameless one) and reports deletions', async () => {
    const gw = await gateway();
    const h = await openSession(gw);
    gw.add('sensors', '10', {
      name: 'Garage door',
      type: 'ZHAOpenClose',
      uniqueid: '00:0d:6f:00:10:65:8a:6e-01-0006',
      state: { lastupdated: 'none', open: false },
      config: { battery: 100, on: true, reachable: true },
    });
    gw.setSensorState('10', { open: true });
    gw.add(
      'lights',
      '7',
      {
        name: 'Porch light',
        type: 'On/Off light',
        uniqueid: '00:11:22:33:44:55:66:77-01',
        state: { on: false, reachable: true },
      },
      { embedName: false },
    );
    gw.setLightState('7', { on: true });
    gw.remove('sensors', '10');
    await flush(gw, h);
    expect(h.events.map((e) => `${e.type} ${e.title}`)).toEqual([
      'deconz.device.added Garage door: new sensor added',
      'deconz.sensor.open Garage door: opened',
      'deconz.device.added Porch light: new light added',
      'deconz.light.on Porch light: turned on',
      'deconz.device.deleted Garage door: removed',
    ]);
    expect(gw.requestsTo('/api/<key>/lights/7')).toBe(1);
  });

  it('looks up an unknown id once, keeping the transition the frame carries', async () => {
    const gw = await gateway();
    const h = await openSession(gw);
    // Paired while nobody listened (no "added" seen): the first we hear is a change.
    gw.add(
      'sensors',
      '50',
      {
        name: 'Cellar leak',
        type: 'ZHAWater',
        uniqueid: 'aa:bb:cc:dd:ee:ff:00:11-01-0500',
        state: { water: false },
        config: { reachable: true },
      },
      { silent: true },
    );
    gw.setSensorState('50', { water: true });
    gw.setSensorState('50', { water: true });
    await flush(gw, h);
    expect(h.events.map((e) => e.title)).toEqual(['Cellar leak: water detected']);
    expect(gw.requestsTo('/api/<key>/sensors/50')).toBe(1);
  });

  it('refreshes names periodically when a rename was not pushed', async () => {
    const gw = await gateway();
    const h = await openSession(gw, { refreshMinutes: 0.01 });
    gw.rename('sensors', '3', 'Side Door', 'attr', { silent: true });
    const before = gw.requestsTo('/api/<key>/sensors');
    await gw.waitFor(() => gw.requestsTo('/api/<key>/sensors') >= before + 1, 5000, 'a refresh');
    await flush(gw, h);
    gw.setSensorState('3', { open: true });
    const opened = await h.waitForEvent('deconz.sensor.open');
    expect(opened.title).toBe('Side Door: opened');
  });
});
