import { afterEach, describe, expect, it } from 'vitest';
import { runWatch, writeConfig } from '../../helpers/herald-cli';
import type { WatchRun } from '../../helpers/herald-cli';

let run: WatchRun | undefined;
afterEach(async () => {
  await run?.stop();
  run = undefined;
});

describe('herald watch --for a long time', () => {
  it('keeps watching for a month instead of stopping at once', async () => {
    const file = writeConfig({ version: 1, sources: [] });
    run = runWatch(file, ['--for', '30d']);
    await run.waitForLine((l) => l.kind === 'info' && String(l.message).startsWith('watching'), 20_000);
    const early = await Promise.race([
      run.exited.then(() => 'exited'),
      new Promise((resolve) => setTimeout(() => resolve('running'), 1500)),
    ]);
    expect(early).toBe('running');
    expect(run.stderr()).not.toMatch(/TimeoutOverflowWarning/);
  });
});
