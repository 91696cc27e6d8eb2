/**
 * Runs the fake Tvheadend with a scripted demo, for trying Herald by hand:
 *
 *   npx tsx test/fakes/tvheadend/run.ts [--port 9981] [--batch-ms 1000] [--disk-ms 5000] [--once]
 *   HERALD_SECRET_TVH_PASSWORD=admin npx herald watch --config examples/tvheadend.json
 *
 * Users: admin/admin (everything), viewer/viewer (no logs, no streaming events).
 */
import { parseArgs } from 'node:util';
import { startFakeTvheadend } from './server';

const GiB = 1024 ** 3;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9981' },
    'batch-ms': { type: 'string', default: '1000' },
    'disk-ms': { type: 'string', default: '5000' },
    once: { type: 'boolean', default: false },
  },
});

const fake = await startFakeTvheadend({
  port: Number(values.port),
  batchMs: Number(values['batch-ms']),
  diskIntervalMs: Number(values['disk-ms']),
});
const s = fake.scenario;
const say = (text: string) => console.log(`${new Date().toLocaleTimeString()}  ${text}`);
const wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
say(`fake Tvheadend on ${fake.url} (users admin/admin, viewer/viewer); Ctrl+C to stop`);

let stopping = false;
process.on('SIGINT', () => {
  stopping = true;
  say('stopping');
  void fake.stop().then(() => process.exit(0));
});

async function demo(round: number): Promise<void> {
  say('scheduling "Evening News"');
  const news = s.createEntry({ title: 'Evening News', subtitle: `Edition ${round}` });
  await wait(4);
  say('"Evening News" starts recording (byte-count updates follow: no events expected for them)');
  s.startRecording(news);
  for (let i = 0; i < 3; i++) {
    await wait(2);
    s.progress(news, 50_000_000);
  }
  await wait(2);
  say('"Evening News" completes');
  s.complete(news);
  await wait(3);
  say('"Late Movie" starts but there is no tuner, then fails');
  const movie = s.createEntry({ title: 'Late Movie' });
  await wait(2);
  s.startRecording(movie, 'Waiting for stream');
  s.recordingError(movie, 209);
  await wait(5);
  s.fail(movie);
  await wait(3);
  say('viewer starts watching with VLC');
  const sub = s.startSubscription({
    username: 'viewer',
    client: 'VLC/3.0.20 LibVLC/3.0.20',
    hostname: '192.168.1.2',
  });
  await wait(6);
  say('viewer stops watching');
  s.stopSubscription(sub);
  await wait(2);
  say('the recording disk fills up (8 GiB free)');
  s.setFreeSpace(8 * GiB);
  await wait(12);
  say('space freed again (80 GiB free)');
  s.setFreeSpace(80 * GiB);
  await wait(8);
  say('removing both recordings');
  s.removeEntry(news);
  s.removeEntry(movie);
  await wait(5);
}

for (let round = 1; !stopping; round++) {
  await demo(round);
  if (values.once) break;
  say('demo round done; starting again in 10 s');
  await wait(10);
}
if (values.once) await fake.stop();
