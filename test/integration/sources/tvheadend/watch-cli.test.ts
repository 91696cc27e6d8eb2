import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runWatch, writeConfig, type WatchRun } from '../../../helpers/herald-cli';
import { startFakeTvheadend, type FakeTvheadend } from '../../../fakes/tvheadend/server';

const GiB = 1024 ** 3;
let fake: FakeTvheadend | undefined;
let run: WatchRun | undefined;
afterEach(async () => {
  await run?.stop();
  await fake?.stop();
  run = undefined;
  fake = undefined;
});

describe('herald watch with examples/tvheadend.json against the fake server', () => {
  it(
    'notifies through the presets: a failing recording once, a completed one, low disk, and the example rule',
    { timeout: 60_000 },
    async () => {
      fake = await startFakeTvheadend({ batchMs: 50, diskIntervalMs: 100 });
      const example = JSON.parse(
        readFileSync(new URL('../../../../examples/tvheadend.json', import.meta.url), 'utf8'),
      );
      example.sources[0].url = fake.url;
      // Four notifications in a few seconds would otherwise be coalesced into a summary (that is policy's job).
      example.policy = { coalesce: { threshold: 10 } };
      run = runWatch(writeConfig(example), [], { HERALD_SECRET_TVH_PASSWORD: 'admin' });
      await run.waitForLine((l) => l.kind === 'status' && l.state === 'open', 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the first frame and the silent baseline
      const s = fake.scenario;

      const movie = s.createEntry({ title: 'Late Movie' });
      s.startRecording(movie, 'Waiting for stream');
      s.recordingError(movie, 209);
      await run.waitForLine(
        (l) => l.kind === 'notification' && /Recording problem: Late Movie/.test(l.title),
      );
      s.fail(movie);
      const failed = await run.waitForLine((l) => l.kind === 'event' && l.type === 'tvheadend.dvr.failed');
      expect(failed.action).toBe('record');

      const news = s.createEntry({ title: 'News' });
      s.startRecording(news);
      s.progress(news);
      s.complete(news);
      await run.waitForLine((l) => l.kind === 'notification' && l.title === 'Recording completed: News');

      s.setFreeSpace(2 * GiB);
      await run.waitForLine((l) => l.kind === 'notification' && l.title === 'Recording disk is low on space');

      s.startSubscription({ username: 'viewer', client: 'Kodi/21' });
      await run.waitForLine(
        (l) => l.kind === 'notification' && l.title === 'viewer started watching Test Channel',
      );

      const problemNotes = run.notifications().filter((l) => /Late Movie/.test(l.title));
      expect(problemNotes).toHaveLength(1);
      expect(run.events().filter((l) => l.action === 'drop')).toEqual([]);
    },
  );
});
