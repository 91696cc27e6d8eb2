import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeConfig } from '../../helpers/herald-cli';
import { ensureWebUi, startServeCli } from '../../helpers/herald-serve';

const lab = (options: Record<string, unknown> = {}) => ({
  id: 'lab',
  kind: 'generic-json',
  name: 'Lab',
  url: 'ws://127.0.0.1:1/events',
  options: { typePath: 'type', ...options },
});
const tvh = { id: 'tvh', kind: 'tvheadend', name: 'TV', url: 'http://127.0.0.1:1/', options: {} };

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});
let removeWebUi: () => void = () => {};
beforeAll(() => {
  removeWebUi = ensureWebUi();
});
afterAll(() => removeWebUi());

async function serve(config: string, env: NodeJS.ProcessEnv = {}) {
  const run = await startServeCli(config, env);
  stops.push(run.kill);
  return run;
}

/** Saves the settings unchanged except for the quiet hours switch: any edit made in the UI. */
async function editSomething(call: Awaited<ReturnType<typeof startServeCli>>['call']) {
  const got = await call('settings:get');
  const settings = got.value as { quietHours: { enabled: boolean } };
  settings.quietHours.enabled = !settings.quietHours.enabled;
  const set = await call('settings:set', settings);
  expect(set).toMatchObject({ ok: true, value: { ok: true } });
}

describe('herald serve writes UI edits back to the settings file', () => {
  it('keeps a file that holds secrets readable by its owner only', async () => {
    const file = writeConfig({
      version: 1,
      sources: [lab()],
      secrets: { lab: { authorization: 'Bearer s3cret' } },
    });
    chmodSync(file, 0o600);
    const run = await serve(file);
    await editSomething(run.call);
    await run.stop();
    expect(readFileSync(file, 'utf8')).toContain('Bearer s3cret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('never writes a secret given in the environment into the file', async () => {
    const file = writeConfig({
      version: 1,
      sources: [lab(), tvh],
      secrets: { lab: { authorization: 'Bearer s3cret' } },
    });
    const run = await serve(file, { HERALD_SECRET_TVH_PASSWORD: 'env-only-pw' });
    await editSomething(run.call);
    await run.stop();
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Bearer s3cret');
    expect(text).not.toContain('env-only-pw');
  });

  it('does not lose a secret the file kept inline in a source’s options', async () => {
    const file = writeConfig({ version: 1, sources: [lab({ authorization: 'Bearer inline' })] });
    const run = await serve(file);
    await editSomething(run.call);
    await run.stop();
    expect(readFileSync(file, 'utf8')).toContain('Bearer inline');
  });

  it('keeps secrets the engine obtained during the run in memory, and out of the file', async () => {
    const emby = {
      id: 'emby',
      kind: 'emby',
      name: 'Emby',
      url: 'http://127.0.0.1:1/',
      options: {},
    };
    const file = writeConfig({ version: 1, sources: [emby], secrets: { emby: { apiKey: 'k-123' } } });
    const run = await serve(file);
    // The Emby source generates its device id on its first connect attempt and saves it as a secret.
    const deadline = Date.now() + 10_000;
    let status = await run.call('secrets:status');
    while (!(status.value as Record<string, string[]>).emby?.includes('deviceId') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await run.call('secrets:status');
    }
    expect((status.value as Record<string, string[]>).emby).toContain('deviceId');
    await editSomething(run.call);
    const after = await run.call('secrets:status');
    expect((after.value as Record<string, string[]>).emby).toContain('deviceId');
    await run.stop();
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('k-123');
    expect(text).not.toContain('deviceId');
  });

  it('a save that cannot be written is reported and leaves the settings as they were', async () => {
    const file = writeConfig({ version: 1, sources: [lab()] });
    // Something in the way of the atomic write (a directory where its temp file goes).
    mkdirSync(`${file}.tmp`);
    const run = await serve(file);
    const before = (await run.call('settings:get')).value as { quietHours: { enabled: boolean } };
    const next = structuredClone(before);
    next.quietHours.enabled = !before.quietHours.enabled;
    expect(await run.call('settings:set', next)).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect((await run.call('settings:get')).value).toEqual(before);
    await run.stop();
  });
});
