/**
 * A pretend Unraid server for trying `herald watch --config examples/unraid.json`:
 *   npx tsx test/fakes/unraid/run.ts              current agent on 127.0.0.1:8043 (or PORT)
 *   npx tsx test/fakes/unraid/run.ts --legacy     legacy UMA on 127.0.0.1:34600 (or PORT)
 *   TOKEN=abc npx tsx test/fakes/unraid/run.ts    current agent that demands "Authorization: Bearer abc"
 * Every few seconds it plays the next step of a small script: a user stop, a crash, an unhealthy
 * container, a hot disk, a power cut, Unraid notifications, high CPU, and an array stop and start.
 */
import { FakeCurrentAgent } from './current-agent';
import { FakeLegacyAgent } from './legacy-agent';
import { UnraidWorld } from './world';

const legacy = process.argv.includes('--legacy');
const port = Number(process.env.PORT ?? (legacy ? 34600 : 8043));
const world = new UnraidWorld();

const script: Array<[string, () => void]> = [
  ['plex stopped by the user (exit 0)', () => world.stopContainer('plex', 0)],
  ['plex started again', () => world.startContainer('plex')],
  ['sonarr killed (exit 137)', () => world.stopContainer('sonarr', 137)],
  ['radarr crashed and was restarted by Docker', () => world.crashAndRestart('radarr')],
  ['nextcloud turned unhealthy', () => world.makeUnhealthy('nextcloud')],
  ['disk1 heats up to 50 °C', () => world.heatDisk('disk1', 50)],
  ['UPS on battery', () => world.upsOnBattery(90)],
  ['UPS back on line', () => world.upsOnline()],
  [
    'Unraid raises a warning notification',
    () =>
      world.raiseNotification({
        event: 'Unraid Docker',
        subject: 'Warning [TOWER] - docker image is 85% full',
        importance: 'warning',
      }),
  ],
  ['CPU goes to 96 %', () => world.setLoad(96)],
  ['disk1 cools down to 38 °C', () => world.heatDisk('disk1', 38)],
  ['nextcloud healthy again', () => world.makeHealthy('nextcloud')],
  ['sonarr started again', () => world.startContainer('sonarr')],
  ['CPU back to 20 %', () => world.setLoad(20)],
  ['the array stops (Docker and every container with it)', () => world.stopArray()],
  ['the array starts', () => world.startArray()],
];

const agent = legacy
  ? new FakeLegacyAgent({ world, port, statsMs: 2000, storageMs: 5000 })
  : new FakeCurrentAgent({
      world,
      port,
      token: process.env.TOKEN,
      intervals: {
        system_update: 2000,
        container_list_update: 3000,
        ups_status_update: 3000,
        notifications_update: 5000,
      },
    });
await agent.start();
console.log(
  `fake ${legacy ? 'legacy UMA' : 'Unraid Management Agent'} on ${agent.url}` +
    `${process.env.TOKEN ? ' (Bearer token required)' : ''} — Ctrl+C to stop`,
);

let step = 0;
const timer = setInterval(() => {
  const [what, act] = script[step % script.length]!;
  step += 1;
  console.log(`step ${step}: ${what}`);
  act();
}, 8000);

process.on('SIGINT', () => {
  clearInterval(timer);
  void agent.stop().then(() => process.exit(0));
});
