/**
 * A demo deCONZ gateway for trying the deCONZ source by hand:
 *   npx tsx test/fakes/deconz/run.ts                       (REST on 127.0.0.1:8090, WebSocket on 8091)
 *   npx herald watch --config examples/deconz.json         (in a second terminal)
 * Env: PORT (REST port, default 8090), LAYOUT=single (WebSocket on the REST port, like deCONZ 2.32+),
 * UNLOCK_AFTER (seconds until "Authenticate app" is clicked, default 8). The gateway starts locked, so
 * Herald shows the pairing hint first; the key DEMOKEY123 also works from the start
 * (HERALD_SECRET_HOME_ZIGBEE_APIKEY=DEMOKEY123 skips pairing).
 */
import type { FakeDeconz } from './fake-deconz';
import { startFakeDeconz } from './fake-deconz';

const restPort = Number(process.env.PORT ?? 8090);
const layout = process.env.LAYOUT === 'single' ? 'single' : 'separate';
const unlockAfter = Number(process.env.UNLOCK_AFTER ?? 8);

type Step = [string, (gw: FakeDeconz) => void];

const script: Step[] = [
  ['Front Door opens', (gw) => gw.setSensorState('3', { open: true })],
  ['notifyall re-send of the same state (should stay quiet)', (gw) => gw.resend('sensors', '3')],
  ['Front Door closes', (gw) => gw.setSensorState('3', { open: false })],
  ['Dimmer switch 3: button 1 short press', (gw) => gw.press('12', 1002)],
  ['Hallway motion: presence', (gw) => gw.setSensorState('43', { presence: true })],
  [
    'Hallway motion re-reports presence (should stay quiet)',
    (gw) => gw.setSensorState('43', { presence: true }),
  ],
  ['Couch light on', (gw) => gw.setLightState('2', { on: true })],
  ['Kitchen water leak: WATER', (gw) => gw.setSensorState('34', { water: true })],
  ['Kitchen water leak: dry', (gw) => gw.setSensorState('34', { water: false })],
  ['Front Door renamed to "Back Door" in Phoscon', (gw) => gw.rename('sensors', '3', 'Back Door')],
  ['Back Door opens', (gw) => gw.setSensorState('3', { open: true })],
  ['Mi temperature 1 battery 12 %', (gw) => gw.setSensorConfig('24', { battery: 12 })],
  ['Couch light off', (gw) => gw.setLightState('2', { on: false })],
  ['Back Door closes', (gw) => gw.setSensorState('3', { open: false })],
  ['Hallway motion: no presence', (gw) => gw.setSensorState('43', { presence: false })],
  ['Kitchen water leak: dry', (gw) => gw.setSensorState('34', { water: false })],
];

async function main() {
  const gw = await startFakeDeconz({
    layout,
    locked: true,
    apiKeys: ['DEMOKEY123'],
    restPort,
    wsPort: layout === 'separate' ? restPort + 1 : undefined,
  });
  const log = (text: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${text}`);
  log(`fake deCONZ gateway: REST ${gw.url}, WebSocket port ${gw.wsPort} (${layout} layout); Ctrl+C to stop`);
  log(`the gateway is LOCKED; "Authenticate app" will be clicked in ${unlockAfter} s`);
  const timers: NodeJS.Timeout[] = [];
  timers.push(
    setTimeout(() => {
      gw.unlock();
      log('Phoscon: "Authenticate app" clicked, pairing is open');
    }, unlockAfter * 1000),
  );
  let step = 0;
  timers.push(
    setInterval(() => {
      if (gw.clients.length === 0) return;
      const [what, act] = script[step % script.length]!;
      step += 1;
      act(gw);
      log(`pushed: ${what}`);
    }, 3000),
  );
  // Every 45 s the gateway "restarts"; while it is down the kitchen leak detects water, which Herald should
  // report once as an offline change when it reconnects.
  timers.push(
    setInterval(() => {
      if (gw.clients.length === 0) return;
      log('restarting the gateway; a water leak starts while it is down');
      void gw
        .restart((down) => down.setSensorState('34', { water: true }, { silent: true }), { downMs: 2000 })
        .then(() => log('gateway back up'));
    }, 45_000),
  );
  const stop = () => {
    for (const t of timers) clearTimeout(t);
    void gw.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
