import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { writeConfig } from '../../helpers/herald-cli';
import { startServeCli } from '../../helpers/herald-serve';
import type { ServeRun } from '../../helpers/herald-serve';

const lab = {
  id: 'lab',
  kind: 'generic-json',
  name: 'Lab',
  url: 'ws://127.0.0.1:1/events',
  options: { typePath: 'type' },
};
const tvh = {
  id: 'tvh',
  kind: 'tvheadend',
  name: 'TV',
  url: 'http://127.0.0.1:1/',
  options: { username: 'herald' },
};

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

// The placeholder page `herald serve` needs comes from test/helpers/web-ui-global-setup.ts.
async function serve(config: string): Promise<ServeRun> {
  const run = await startServeCli(config);
  stops.push(run.kill);
  return run;
}

const sourceIdsIn = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { sources: { id: string }[] }).sources.map((s) => s.id);

type SetAnswer = { ok: boolean; value?: { ok: boolean; errors?: { path: string; message: string }[] } };
const messagesOf = (answer: SetAnswer) => (answer.value?.errors ?? []).map((e) => `${e.path}: ${e.message}`);

describe('herald serve: settings:set takes only a complete settings document', () => {
  it('refuses unknown top-level keys, naming them, and leaves the file and the engine alone', async () => {
    const file = writeConfig({ version: 1, sources: [lab, tvh] });
    const before = readFileSync(file, 'utf8');
    const run = await serve(file);

    const typo = (await run.call('settings:set', { sorces: 'typo' })) as SetAnswer;
    expect(typo).toMatchObject({ ok: true, value: { ok: false } });
    expect(messagesOf(typo).join('\n')).toContain('"sorces"');

    // A whole document with one stray key is refused too, and the key is named.
    const current = (await run.call('settings:get')).value as Record<string, unknown>;
    const stray = (await run.call('settings:set', { ...current, colour: 'blue' })) as SetAnswer;
    expect(stray).toMatchObject({ ok: true, value: { ok: false } });
    expect(messagesOf(stray).join('\n')).toContain('"colour"');

    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await run.call('settings:get')).value).toEqual(current);
    await run.stop();
    expect(sourceIdsIn(file)).toEqual(['lab', 'tvh']);
  });

  it('refuses a document that names none of the settings sections, or only some of them', async () => {
    const file = writeConfig({ version: 1, sources: [lab, tvh] });
    const before = readFileSync(file, 'utf8');
    const run = await serve(file);

    const empty = (await run.call('settings:set', {})) as SetAnswer;
    expect(empty).toMatchObject({ ok: true, value: { ok: false } });
    expect(messagesOf(empty).join('\n')).toMatch(/not a settings document/);

    // Only the rules: saving it would replace the sources with none.
    const partial = (await run.call('settings:set', { version: 1, rules: [] })) as SetAnswer;
    expect(partial).toMatchObject({ ok: true, value: { ok: false } });
    expect(messagesOf(partial).join('\n')).toMatch(/missing.*"sources"/);

    await run.stop();
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('still saves a complete, valid document', async () => {
    const file = writeConfig({ version: 1, sources: [lab, tvh] });
    const run = await serve(file);
    const current = (await run.call('settings:get')).value as { sources: { name: string }[] };
    current.sources[0]!.name = 'Lab renamed';
    expect(await run.call('settings:set', current)).toMatchObject({ ok: true, value: { ok: true } });
    await run.stop();
    expect(readFileSync(file, 'utf8')).toContain('Lab renamed');
    expect(sourceIdsIn(file)).toEqual(['lab', 'tvh']);
  });
});

describe('herald serve keeps the previous settings and restores them', () => {
  it('keeps one previous generation beside the file, with its permissions and without secrets', async () => {
    const file = writeConfig({
      version: 1,
      sources: [lab, tvh],
      secrets: { lab: { authorization: 'Bearer s3cret' } },
    });
    chmodSync(file, 0o600);
    const run = await serve(file);
    const backup = `${file}.previous`;
    expect(existsSync(backup)).toBe(false);

    const current = (await run.call('settings:get')).value as { sources: unknown[] };
    // A valid save that drops a source by mistake.
    const set = await run.call('settings:set', { ...current, sources: current.sources.slice(1) });
    expect(set).toMatchObject({ ok: true, value: { ok: true } });
    expect(sourceIdsIn(file)).toEqual(['tvh']);

    expect(sourceIdsIn(backup)).toEqual(['lab', 'tvh']);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(readFileSync(backup, 'utf8')).not.toContain('s3cret');

    // Restore brings back both sources, and the secret of the one that was removed.
    const restored = await run.call('settings:restorePrevious');
    expect(restored).toMatchObject({ ok: true, value: { ok: true } });
    expect(sourceIdsIn(file)).toEqual(['lab', 'tvh']);
    expect(await run.call('secrets:status')).toMatchObject({ ok: true, value: { lab: ['authorization'] } });
    // The restore is itself a save: the undone state is now the previous one (restore twice = redo).
    expect(sourceIdsIn(backup)).toEqual(['tvh']);
    await run.stop();
    expect(readFileSync(file, 'utf8')).toContain('Bearer s3cret');
    expect(readFileSync(backup, 'utf8')).not.toContain('s3cret');
  });

  it('a save that changes nothing but snoozes or secrets keeps the previous generation', async () => {
    const file = writeConfig({ version: 1, sources: [lab, tvh] });
    const run = await serve(file);
    const current = (await run.call('settings:get')).value as { sources: unknown[] };
    await run.call('settings:set', { ...current, sources: current.sources.slice(0, 1) });
    expect(sourceIdsIn(`${file}.previous`)).toEqual(['lab', 'tvh']);

    await run.call('sources:snooze', { sourceId: 'lab', until: Date.now() + 60_000 });
    await run.call('secrets:set', { sourceId: 'lab', field: 'authorization', value: 'Bearer x' });
    expect(sourceIdsIn(`${file}.previous`)).toEqual(['lab', 'tvh']);
    await run.stop();
  });

  it('says so when there is nothing to restore', async () => {
    const file = writeConfig({ version: 1, sources: [lab] });
    const run = await serve(file);
    const answer = await run.call('settings:restorePrevious');
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(JSON.stringify(answer)).toMatch(/no previous settings/i);
    await run.stop();
    expect(sourceIdsIn(file)).toEqual(['lab']);
  });
});
