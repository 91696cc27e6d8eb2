/**
 * Runs a fake Emby / Jellyfin server with a scripted demo, for trying Herald by hand:
 *
 *   npx tsx test/fakes/emby/run.ts [jellyfin|emby|emby-legacy] [--port 8096] [--ws-port 8945] [--keepalive-s 60] [--once]
 *   HERALD_SECRET_JELLYFIN_PASSWORD=s3cret npx herald watch --config examples/jellyfin.json
 *   HERALD_SECRET_EMBY_API_KEY=test-api-key npx herald watch --config examples/emby.json
 *
 * Account tray / s3cret (administrator), API key test-api-key. Admins (or curl) can also send Herald a
 * message: POST /Sessions/<id>/Message with {"Header":"Hi","Text":"Dinner","TimeoutMs":5000}.
 */
import { parseArgs } from 'node:util';
import { startFakeEmby } from './fake-server';
import type { FakeFlavour } from './fake-server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8096' },
    'ws-port': { type: 'string', default: '8945' },
    'keepalive-s': { type: 'string', default: '60' },
    once: { type: 'boolean', default: false },
  },
});
const flavour = (positionals[0] ?? 'jellyfin') as FakeFlavour;
if (!['jellyfin', 'emby', 'emby-legacy'].includes(flavour)) {
  console.error(`unknown flavour "${flavour}" (jellyfin, emby or emby-legacy)`);
  process.exit(2);
}

const fake = await startFakeEmby({
  flavour,
  port: Number(values.port),
  wsPort: Number(values['ws-port']),
  keepAliveTimeoutMs: Number(values['keepalive-s']) * 1000,
});
const say = (text: string) => console.log(`${new Date().toLocaleTimeString()}  ${text}`);
const wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
let stopping = false;

say(`fake ${flavour} on ${fake.url}${fake.wsPort ? ` (legacy socket on port ${fake.wsPort})` : ''}`);
say('account tray / s3cret (admin), API key test-api-key; Ctrl+C to stop');

async function waitForHerald(): Promise<void> {
  let told = false;
  while (!stopping && fake.heraldSessions().length === 0) {
    if (!told) say('waiting for Herald to connect…');
    told = true;
    await wait(0.5);
  }
  if (told && !stopping) say(`Herald connected (session ${fake.heraldSessions()[0]?.Id})`);
}

const steps: [string, () => void | Promise<void>][] = [
  [
    'admin sends "Backup starts in 5 minutes" (TimeoutMs 10000)',
    () =>
      void fake.sendDisplayMessage({
        header: 'Message from Server',
        text: 'Backup starts in 5 minutes',
        timeoutMs: 10_000,
      }),
  ],
  [
    'alice starts playing Some Show S01E01 on Living Room TV',
    () => void fake.startPlayback({ user: 'alice', device: 'Living Room TV' }),
  ],
  [
    'failed login from bob',
    () =>
      void fake.addActivity({
        Name: 'Failed login attempt from bob',
        Type: 'AuthenticationFailed',
        ShortOverview: 'IP address: 192.168.1.50',
        Severity: 'Error',
      }),
  ],
  [
    'two movies added',
    () =>
      void fake.libraryChanged([
        { Name: 'Dune', ProductionYear: 2021 },
        { Name: 'Arrival', ProductionYear: 2016 },
      ]),
  ],
  [
    'library scan fails',
    () => fake.taskEnded({ Status: 'Failed', ErrorMessage: 'Access to /media/movies is denied' }),
  ],
  [
    'alice stops',
    () => {
      for (const s of fake.state.sessions.values()) if (s.NowPlayingItem) fake.stopPlayback(s.Id);
    },
  ],
  ['server restarts (down for 3 s)', () => fake.restart(3000)],
];

const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  say('stopping');
  await fake.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

do {
  for (const [what, run] of steps) {
    await waitForHerald();
    if (stopping) break;
    await wait(4);
    say(what);
    await run();
  }
} while (!values.once && !stopping);
if (!stopping) {
  say('demo finished; the server stays up until Ctrl+C');
}
