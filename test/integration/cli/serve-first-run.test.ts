import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../app/cli/check';
import { ensureWebUi, startServeCli } from '../../helpers/herald-serve';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});
let removeWebUi: () => void = () => {};
beforeAll(() => {
  removeWebUi = ensureWebUi();
});
afterAll(() => removeWebUi());

const newPath = () => join(mkdtempSync(join(tmpdir(), 'herald-first-run-')), 'new.json');

async function firstSave(file: string) {
  const run = await startServeCli(file);
  stops.push(run.kill);
  const got = await run.call('settings:get');
  expect(got).toMatchObject({ ok: true, value: { version: 1, sources: [], rules: [] } });
  const settings = got.value as { quietHours: { enabled: boolean } };
  settings.quietHours.enabled = true;
  expect(await run.call('settings:set', settings)).toMatchObject({ ok: true, value: { ok: true } });
  await run.stop();
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('herald serve on a settings file that does not exist yet', () => {
  it('starts with an empty configuration and creates the file on the first save', async () => {
    const file = newPath();
    const run = await startServeCli(file);
    stops.push(run.kill);
    // Nothing is written until the user saves something.
    expect(existsSync(file)).toBe(false);
    await run.stop();
    expect(existsSync(file)).toBe(false);

    const saved = await firstSave(file);
    expect(saved).toMatchObject({ format: 'herald-settings', version: 1, quietHours: { enabled: true } });
    expect(saved).not.toHaveProperty('secrets');
  });

  it('treats an empty (or blank) file the same way', async () => {
    const file = newPath();
    writeFileSync(file, '  \n');
    expect(await firstSave(file)).toMatchObject({ version: 1, quietHours: { enabled: true } });
  });

  it('still refuses a file that is there but broken', async () => {
    const file = newPath();
    writeFileSync(file, '{ "version": 1, ');
    await expect(startServeCli(file)).rejects.toThrow(/exited with 1/);
  });

  it('tells the UI truthfully where typed passwords go: memory only, unless the file keeps secrets', async () => {
    const file = newPath();
    const run = await startServeCli(file);
    stops.push(run.kill);
    const info = await run.call('app:info');
    expect(info).toMatchObject({ ok: true, value: { host: 'serve' } });
    expect((info.value as { secretsNote: string }).secretsNote).toMatch(/in memory only.*HERALD_SECRET_/);
    await run.stop();

    writeFileSync(file, JSON.stringify({ version: 1, secrets: {} }));
    const keeps = await startServeCli(file);
    stops.push(keeps.kill);
    const note = ((await keeps.call('app:info')).value as { secretsNote: string }).secretsNote;
    expect(note).toMatch(/writes passwords you enter here into .*new\.json/);
    await keeps.stop();
  });

  it('`herald check` still reports a missing file: only serve sets a new one up', () => {
    expect(runCheck(newPath())).toBe(1);
  });
});
