import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runWatch, writeConfig, type WatchRun } from '../../../helpers/herald-cli';
import { startFakeEmby, type FakeEmby } from '../../../fakes/emby/fake-server';

let fake: FakeEmby | undefined;
let run: WatchRun | undefined;
afterEach(async () => {
  await run?.stop();
  await fake?.close();
  run = undefined;
  fake = undefined;
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('herald watch with examples/jellyfin.json against the fake Jellyfin', () => {
  it(
    'signs in, then notifies for an admin message, someone watching (example rule) and a restart',
    { timeout: 90_000 },
    async () => {
      fake = await startFakeEmby({ flavour: 'jellyfin' });
      const example = JSON.parse(
        readFileSync(new URL('../../../../examples/jellyfin.json', import.meta.url), 'utf8'),
      );
      example.sources[0].url = fake.url;
      example.policy = { coalesce: { threshold: 10 } };
      run = runWatch(writeConfig(example), [], { HERALD_SECRET_JELLYFIN_PASSWORD: 's3cret' });
      await run.waitForLine((l) => l.kind === 'status' && l.state === 'open', 30_000);
      await settle(500); // capabilities, subscriptions and the silent sessions baseline

      fake.sendDisplayMessage({ header: 'Dinner', text: 'Dinner is ready', timeoutMs: 5000 });
      await run.waitForLine((l) => l.kind === 'notification' && l.title === 'Dinner');
      const session = fake.startPlayback({ user: 'alice', device: 'Living Room' });
      await run.waitForLine((l) => l.kind === 'notification' && l.rule === 'jellyfin-someone-watching');
      fake.stopPlayback(session);
      fake.push('UserDataChanged', { UserId: 'x', UserDataList: [] }, 'users');
      await run.waitForLine((l) => l.kind === 'event' && l.type === 'emby.playback.stop');
      const userdata = await run.waitForLine((l) => l.kind === 'event' && l.type === 'emby.userdata.changed');
      expect(userdata.action).toBe('drop'); // the example's noise rule
      fake.push('ServerRestarting');
      await run.waitForLine((l) => l.kind === 'notification' && /restart/i.test(l.rule ?? ''));
      await settle(500);

      const notes = run.notifications();
      expect(notes.map((n) => n.rule)).toEqual([
        'preset:emby:display-message',
        'jellyfin-someone-watching',
        expect.stringMatching(/restart/),
      ]);
      expect(notes[0]).toMatchObject({ body: 'Dinner is ready' });
      expect(notes[1]!.title).toBe('alice is watching');
      expect(JSON.stringify(run.lines)).not.toContain('s3cret');
    },
  );
});
