import { describe, expect, it } from 'vitest';
import { flush, gateway, openSession } from './setup';

describe.each(['separate', 'single'] as const)('deCONZ session, WebSocket on a %s port', (layout) => {
  it('reads the port from /config and connects there', async () => {
    const gw = await gateway({ layout });
    const h = await openSession(gw);
    expect(gw.requestsTo('/api/<key>/config')).toBe(1);
    if (layout === 'single') expect(gw.wsPort).toBe(gw.restPort);
    else expect(gw.wsPort).not.toBe(gw.restPort);
    gw.setSensorState('3', { open: true });
    const opened = await h.waitForEvent('deconz.sensor.open');
    expect(opened.title).toBe('Front Door: opened');
  });

  it('sends its own pings, since the gateway sends none', async () => {
    const gw = await gateway({ layout });
    await openSession(gw);
    await gw.waitFor(() => gw.pings >= 2, 5000, 'two pings');
  });

  it('replaces a socket whose pings go unanswered', async () => {
    const gw = await gateway({ layout });
    const h = await openSession(gw);
    gw.freezeClients();
    await gw.waitFor(() => gw.connections >= 2, 8000, 'a new connection');
    // Straight away, even while the new connection's snapshot may still be loading.
    await flush(gw, h);
    expect(h.statuses.some((s) => s.state === 'backing-off' && /heartbeat/.test(s.lastError ?? ''))).toBe(
      true,
    );
  });
});

describe('deCONZ transitions', () => {
  it('notifies each transition exactly once: re-sends, lastseen and lastupdated-only pushes are ignored', async () => {
    const gw = await gateway();
    const h = await openSession(gw);
    gw.setSensorState('3', { open: true });
    gw.resend('sensors', '3');
    gw.resend('sensors', '3');
    gw.lastseen('sensors', '3');
    gw.push({
      e: 'changed',
      id: '3',
      r: 'sensors',
      state: { lastupdated: gw.clock.lastupdated() },
      t: 'event',
    });
    gw.setSensorConfig('3', { battery: 94 });
    gw.setSensorState('34', { water: true });
    gw.resend('sensors', '34');
    gw.setSensorState('34', { water: true });
    gw.setSensorState('43', { presence: true });
    gw.setSensorState('43', { presence: true });
    gw.setSensorState('3', { open: false });
    await flush(gw, h);
    expect(h.events.map((e) => e.type)).toEqual([
      'deconz.sensor.open',
      'deconz.sensor.water',
      'deconz.sensor.presence',
      'deconz.sensor.closed',
    ]);
    expect(h.events[1]).toMatchObject({ severity: 'critical', title: 'Kitchen water leak: water detected' });
  });

  it('reports alarms, unreachable devices, low battery, lights, groups and scenes', async () => {
    const gw = await gateway();
    const h = await openSession(gw);
    gw.setSensorState('20', { fire: true });
    gw.setSensorState('21', { carbonmonoxide: true });
    gw.setSensorState('22', { alarm: true });
    gw.setSensorState('23', { vibration: false });
    gw.setSensorState('23', { vibration: true });
    gw.setSensorState('26', { tampered: true });
    gw.setSensorConfig('24', { reachable: false });
    gw.setSensorConfig('24', { battery: 12 });
    gw.setSensorConfig('25', { battery: 12 });
    gw.setLightState('2', { on: true });
    gw.setLightState('5', { reachable: false });
    gw.sceneCalled('1', '1');
    gw.setAlarmSystemState('1', { armstate: 'entry_delay', seconds_remaining: 30 });
    gw.setAlarmSystemState('1', { armstate: 'in_alarm', seconds_remaining: 0 });
    await flush(gw, h);
    const summary = h.events.map((e) => `${e.type} ${e.severity} ${e.title}`);
    expect(summary).toEqual([
      'deconz.sensor.fire critical sensor_kitchen_smoke: smoke or fire detected',
      'deconz.sensor.co critical Cave CO: carbon monoxide detected',
      'deconz.sensor.alarm critical Alarm 10: alarm',
      'deconz.sensor.vibration.cleared info Vibration 1: vibration stopped',
      'deconz.sensor.vibration info Vibration 1: vibration detected',
      'deconz.sensor.tampered warning Presence sensor: tampered with',
      'deconz.device.unreachable warning Mi temperature 1: unreachable',
      'deconz.battery.low warning Mi temperature 1: battery low (12 %)',
      'deconz.light.on info Couch: turned on',
      'deconz.group.on info Living room: lights on',
      'deconz.device.unreachable warning Bedroom ceiling: unreachable',
      'deconz.scene.called info Living room: scene "Bright" called',
      'deconz.alarm.entry_delay warning default: entry delay: disarm now',
      'deconz.alarm.in_alarm critical default: IN ALARM',
    ]);
  });

  it('works the same with websocketnotifyall off (only changed keys pushed)', async () => {
    const gw = await gateway({ notifyAll: false });
    const h = await openSession(gw);
    gw.setSensorState('3', { open: true });
    gw.setSensorState('3', { open: true });
    await flush(gw, h);
    expect(h.events.map((e) => e.type)).toEqual(['deconz.sensor.open']);
  });

  it('turns button codes into readable gestures, each press once', async () => {
    const gw = await gateway();
    const h = await openSession(gw);
    gw.press('12', 1000);
    gw.press('12', 1001);
    gw.press('12', 1001);
    gw.press('12', 1003);
    gw.press('12', 2002);
    gw.resend('sensors', '12');
    gw.press('19', 3004);
    await flush(gw, h);
    expect(h.events.map((e) => e.title)).toEqual([
      'Dimmer switch 3: button 1 pressed',
      'Dimmer switch 3: button 1 held',
      'Dimmer switch 3: button 1 held',
      'Dimmer switch 3: button 1 long press released',
      'Dimmer switch 3: button 2 short press',
      'TRADFRI remote control: button 3 double press',
    ]);
    expect(h.events[4]!.data).toMatchObject({ button: 2, action: 'short-release', code: 2002 });
  });

  it('survives junk frames and counts them', async () => {
    const gw = await gateway();
    const h = await openSession(gw);
    gw.pushText('not json at all');
    gw.pushText('{"t":"event","e":"changed","r":"sensors","id":"3","state":"broken"}');
    gw.pushText(
      JSON.stringify({ t: 'event', e: 'changed', r: 'sensors', id: '3', state: { open: 'maybe' } }),
    );
    gw.setSensorState('3', { open: true });
    await h.waitForEvent('deconz.sensor.open');
    expect(h.status().badFrames).toBe(2);
    expect(h.status().state).toBe('open');
  });
});
