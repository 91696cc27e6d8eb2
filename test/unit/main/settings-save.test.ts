import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeraldApp } from '../../../app/main/herald-app';
import { API } from '../../../app/shared/api';
import { app, ipcMain } from '../../fakes/electron';
import { memoryStore, openWindow, resetFakeElectron, startHost } from '../../helpers/electron-host';

const stored = {
  version: 1,
  sources: [
    { id: 'lab', kind: 'generic-json', name: 'Lab', url: 'ws://127.0.0.1:9/', options: {} },
    { id: 'tvh', kind: 'tvheadend', name: 'TV', url: 'http://127.0.0.1:9/', options: {} },
  ],
};

type Answer = { ok: boolean; value?: { ok: boolean; errors?: { path: string; message: string }[] } };
const messages = (answer: Answer) => (answer.value?.errors ?? []).map((e) => e.message).join('\n');
const sourceIds = (settings: unknown) => (settings as { sources: { id: string }[] }).sources.map((s) => s.id);

let herald: HeraldApp | undefined;
beforeEach(resetFakeElectron);
afterEach(async () => {
  await herald?.shutdown();
  herald = undefined;
});

function start() {
  const store = memoryStore({ settings: structuredClone(stored) });
  herald = startHost(store);
  const win = openWindow(herald);
  const call = (channel: string, request?: unknown) =>
    ipcMain.invoke(channel, win.webContents, request) as Promise<Answer>;
  return { store, call };
}

describe('Electron host: settings:set over IPC takes only a complete settings document', () => {
  it('refuses unknown top-level keys, naming them, and keeps the stored settings', async () => {
    const { store, call } = start();
    const typo = await call(API.settingsSet, { sorces: 'typo' });
    expect(typo).toMatchObject({ ok: true, value: { ok: false } });
    expect(messages(typo)).toContain('"sorces"');
    expect(sourceIds(store.values.get('settings'))).toEqual(['lab', 'tvh']);
    expect(herald!.engine.statuses()).toHaveLength(2);
  });

  it('refuses a document naming no section, or only some, and saves a complete one', async () => {
    const { store, call } = start();
    expect(messages(await call(API.settingsSet, {}))).toMatch(/not a settings document/);
    expect(messages(await call(API.settingsSet, { version: 1, rules: [] }))).toMatch(/missing.*"sources"/);
    expect(store.values.get('settings')).toEqual(stored);

    const current = (await call(API.settingsGet)).value as unknown as { quietHours: { enabled: boolean } };
    current.quietHours.enabled = true;
    expect(await call(API.settingsSet, current)).toMatchObject({ ok: true, value: { ok: true } });
    expect(store.values.get('settings')).toMatchObject({ quietHours: { enabled: true } });
  });
});

describe('Electron host keeps the previous settings and restores them', () => {
  it('keeps one generation in the store, its secrets encrypted, and restores both', async () => {
    const { store, call } = start();
    expect(
      await call(API.secretsSet, { sourceId: 'lab', field: 'authorization', value: 'Bearer topsecret' }),
    ).toMatchObject({ ok: true });
    // A secret-only save is not a new generation.
    expect(store.values.has('settingsPrevious')).toBe(false);

    const current = (await call(API.settingsGet)).value as unknown as { sources: unknown[] };
    const dropLab = { ...current, sources: current.sources.slice(1) };
    expect(await call(API.settingsSet, dropLab)).toMatchObject({ ok: true, value: { ok: true } });
    expect(sourceIds(store.values.get('settings'))).toEqual(['tvh']);
    expect(sourceIds(store.values.get('settingsPrevious'))).toEqual(['lab', 'tvh']);
    // The removed source's secret left the live store with it, and sits encrypted in the previous one.
    expect(await call(API.secretsStatus)).toMatchObject({ ok: true, value: { tvh: [] } });
    expect(JSON.stringify([...store.values])).not.toContain('topsecret');
    const previousSecrets = join(app.userData, 'secrets.previous.json');
    expect(existsSync(previousSecrets)).toBe(true);
    expect(readFileSync(previousSecrets, 'utf8')).not.toContain('topsecret');

    const restored = await call(API.settingsRestorePrevious);
    expect(restored).toMatchObject({ ok: true, value: { ok: true } });
    expect(sourceIds(store.values.get('settings'))).toEqual(['lab', 'tvh']);
    expect(await call(API.secretsStatus)).toMatchObject({ ok: true, value: { lab: ['authorization'] } });
    expect(herald!.engine.statuses().map((s) => s.sourceId)).toEqual(expect.arrayContaining(['lab', 'tvh']));
    // Restoring is a save too: the undone settings are now the previous ones.
    expect(sourceIds(store.values.get('settingsPrevious'))).toEqual(['tvh']);
  });

  it('answers plainly when there is nothing to restore', async () => {
    const { store, call } = start();
    const answer = (await call(API.settingsRestorePrevious)) as unknown as {
      ok: boolean;
      error?: { message: string };
    };
    expect(answer.ok).toBe(false);
    expect(answer.error?.message).toMatch(/no previous settings/i);
    expect(store.values.get('settings')).toEqual(stored);
  });
});
