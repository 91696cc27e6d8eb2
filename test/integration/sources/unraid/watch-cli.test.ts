import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runWatch, writeConfig, type WatchRun } from '../../../helpers/herald-cli';
import { FakeCurrentAgent } from '../../../fakes/unraid/current-agent';
import { FAST } from './setup';

let agent: FakeCurrentAgent | undefined;
let run: WatchRun | undefined;
afterEach(async () => {
  await run?.stop();
  await agent?.stop();
  run = undefined;
  agent = undefined;
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('herald watch with examples/unraid.json against the fake agent', () => {
  it(
    'notifies for a user stop (example rule), a crash, and one array stop instead of a stop per container',
    { timeout: 90_000 },
    async () => {
      agent = await new FakeCurrentAgent({
        intervals: FAST,
        pingIntervalMs: 100,
        pongTimeoutMs: 2000,
        token: 'abc',
      }).start();
      const example = JSON.parse(
        readFileSync(new URL('../../../../examples/unraid.json', import.meta.url), 'utf8'),
      );
      example.sources[0].url = agent.url;
      example.sources[0].options = { ...example.sources[0].options, containerHold: 200, arraySettle: 500 };
      example.policy = { coalesce: { threshold: 20 } };
      run = runWatch(writeConfig(example), [], { HERALD_SECRET_TOWER_TOKEN: 'abc' });
      await run.waitForLine((l) => l.kind === 'status' && l.state === 'open', 30_000);
      await settle(1500); // the REST bootstrap and the first lists are a silent baseline

      agent.world.stopContainer('plex', 0);
      await run.waitForLine((l) => l.kind === 'notification' && l.rule === 'plex-any-stop');
      agent.world.stopContainer('sonarr', 137);
      await run.waitForLine((l) => l.kind === 'notification' && l.rule === 'preset:unraid:container-crashed');
      const before = run.lines.length;
      agent.world.stopArray();
      await run.waitForLine((l) => l.kind === 'notification' && /array/i.test(l.rule ?? ''), 30_000, before);
      await settle(1500);

      expect(run.notifications().map((n) => [n.rule, n.title, n.severity])).toEqual([
        ['plex-any-stop', 'plex stopped', 'info'],
        ['preset:unraid:container-crashed', 'sonarr stopped unexpectedly', 'warning'],
        ['preset:unraid:array', 'Array stopped', 'warning'],
      ]);
      expect(run.notifications()[0]!.urgency).toBe('critical');
      // The containers that went down with the array are not reported one by one, and the stats
      // samples that notified nothing are not in the log.
      expect(run.events().map((e) => e.type)).toEqual([
        'unraid.docker.stop',
        'unraid.docker.die',
        'unraid.array.stopped',
      ]);
      expect(JSON.stringify(run.lines)).not.toContain('"abc"');
    },
  );
});
