import { describe, expect, it } from 'vitest';
import { flush, gateway, openSession } from './setup';

describe.each(['separate', 'single'] as const)('deCONZ gateway restart (%s port)', (layout) => {
  it('reports the leak missed while away once, as an offline change, and replays no presses', async () => {
    const gw = await gateway({ layout });
    const h = await openSession(gw);
    const portBefore = gw.wsPort;
    await gw.restart(
      (down) => {
        down.setSensorState('34', { water: true }, { silent: true });
        down.setSensorState('3', { open: true }, { silent: true });
        down.press('12', 4002, {}, { silent: true });
        down.setSensorState('43', { presence: true }, { silent: true });
      },
      { moveWsPort: true, downMs: 50 },
    );
    if (layout === 'separate') expect(gw.wsPort).not.toBe(portBefore);
    await gw.waitForClients(1, 10_000);
    // The offline report is emitted when the snapshot has been applied.
    await h.waitForEvent('deconz.sensor.water', 5000);
    // After the reconnect: a re-send of the old press must not count, a new one must.
    gw.resend('sensors', '12');
    gw.press('12', 1002);
    await flush(gw, h);
    const summary = h.events.map((e) => `${e.type} ${e.title} offline=${String(e.data?.offline ?? false)}`);
    // The offline changes come first (in resource order), then the live press.
    expect([...summary.slice(0, 2)].sort()).toEqual([
      'deconz.sensor.open Front Door: opened while Herald was offline offline=true',
      'deconz.sensor.water Kitchen water leak: water detected while Herald was offline offline=true',
    ]);
    expect(summary.slice(2)).toEqual(['deconz.button Dimmer switch 3: button 1 short press offline=false']);
    expect(h.eventsOf('deconz.sensor.water')[0]!.severity).toBe('critical');
    // Port read again before the reconnect.
    expect(gw.requestsTo('/api/<key>/config')).toBeGreaterThanOrEqual(2);
  });

  it('reports nothing after a plain drop when nothing changed', async () => {
    const gw = await gateway({ layout });
    const h = await openSession(gw);
    gw.dropClients();
    await gw.waitFor(() => gw.connections >= 2, 10_000, 'the reconnect');
    await gw.waitFor(() => gw.requestsTo('/api/<key>/alarmsystems') >= 2, 5000, 'the second snapshot');
    await flush(gw, h);
    expect(h.events).toEqual([]);
  });
});
