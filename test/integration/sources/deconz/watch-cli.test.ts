import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runWatch, writeConfig, type WatchRun } from '../../../helpers/herald-cli';
import { startFakeDeconz, type FakeDeconz } from '../../../fakes/deconz/fake-deconz';

let gw: FakeDeconz | undefined;
let run: WatchRun | undefined;
afterEach(async () => {
  await run?.stop();
  await gw?.stop();
  run = undefined;
  gw = undefined;
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('herald watch with examples/deconz.json against the fake gateway', () => {
  it(
    'pairs, then notifies exactly for the door, the doorbell rule and the water leak — and for none of the noise',
    { timeout: 90_000 },
    async () => {
      gw = await startFakeDeconz({ layout: 'single', locked: true });
      const example = JSON.parse(
        readFileSync(new URL('../../../../examples/deconz.json', import.meta.url), 'utf8'),
      );
      example.sources[0].url = gw.url;
      // The test may run at night: quiet hours would (rightly) hold the door notification back.
      example.quietHours = { enabled: false };
      example.policy = { coalesce: { threshold: 10 } };
      run = runWatch(writeConfig(example));

      const locked = await run.waitForLine(
        (l) => l.kind === 'status' && /Authenticate app/.test(l.hint ?? ''),
      );
      expect(locked.source).toBe('home-zigbee');
      gw.unlock();
      await run.waitForLine((l) => l.kind === 'status' && l.state === 'open', 30_000);
      expect(run.lines.some((l) => l.kind === 'info' && /obtained a new apiKey/.test(l.message))).toBe(true);
      await settle(500); // the first connect learns the current state silently

      gw.setSensorState('3', { open: true }); // Front Door
      gw.resend('sensors', '3'); // websocketnotifyall re-send: no change
      gw.lastseen('sensors', '3'); // lastseen-only push: noise
      gw.setSensorState('3', { open: false });
      gw.press('12', 1002); // Dimmer switch 3, button 1 short press → the example's doorbell rule
      gw.setSensorState('43', { presence: true });
      gw.setSensorState('43', { presence: true }); // a re-report of the same presence
      gw.setSensorState('34', { water: true }); // Kitchen water leak

      await run.waitForLine((l) => l.kind === 'notification' && l.rule === 'preset:deconz:water');
      await settle(500);

      const notes = run.notifications();
      expect(notes.map((n) => n.rule)).toEqual([
        'preset:deconz:doors',
        'dimmer-button-1',
        'preset:deconz:water',
      ]);
      expect(notes[1]).toMatchObject({ title: 'Doorbell', body: 'Someone pressed Dimmer switch 3' });
      expect(notes[2]).toMatchObject({ severity: 'critical', urgency: 'critical' });
      const types = run.events().map((e) => e.type);
      expect(types.filter((t) => t === 'deconz.sensor.open')).toHaveLength(1);
      expect(types.filter((t) => t.startsWith('deconz.sensor.presence'))).toHaveLength(1);
      // The key Herald paired for is a secret: it never reaches the output.
      const [key] = [...gw.keys];
      expect(key).toBeTruthy();
      expect(JSON.stringify(run.lines)).not.toContain(key);
    },
  );
});
