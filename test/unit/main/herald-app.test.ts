import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { BrowserWindow, Notification, Tray, app, ipcMain, safeStorage, shell } from '../../fakes/electron';
import type { HeraldApp } from '../../../app/main/herald-app';
import { API } from '../../../app/shared/api';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryStore, resetFakeElectron, startHost as start } from '../../helpers/electron-host';

let herald: HeraldApp | undefined;
let wss: WebSocketServer | undefined;

beforeEach(resetFakeElectron);
afterEach(async () => {
  await herald?.shutdown();
  herald = undefined;
  await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
  wss = undefined;
});

async function pushServer() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  wss = server;
  return `ws://127.0.0.1:${(server.address() as { port: number }).port}/`;
}

const until = async (pred: () => boolean, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('Electron host composition', () => {
  it('on first run opens one window, the history, which offers adding the first server', () => {
    herald = start(memoryStore(), { startHidden: false });
    expect(BrowserWindow.windows.map((w) => w.options.title)).toEqual(['Herald — History']);
  });

  it('once a source exists, "start hidden" (the default) keeps every window closed', async () => {
    const url = await pushServer();
    const store = memoryStore({
      settings: { version: 1, sources: [{ id: 'lab', kind: 'generic-json', name: 'Lab', url }] },
    });
    herald = start(store, { startHidden: false });
    expect(BrowserWindow.windows).toHaveLength(0);
  });

  it('turns a pushed frame into a native notification and an unread history entry', async () => {
    const url = await pushServer();
    const store = memoryStore({
      settings: {
        version: 1,
        sources: [{ id: 'lab', kind: 'generic-json', name: 'Lab', url, options: { severityPath: 'level' } }],
      },
    });
    herald = start(store);
    await until(() => wss!.clients.size === 1);
    for (const client of wss!.clients) {
      client.send(JSON.stringify({ type: 'chatter', message: 'nothing to see' }));
      client.send(JSON.stringify({ type: 'smoke', level: 'critical', message: 'Smoke in the hall' }));
    }
    await until(() => Notification.shown.length === 1);
    expect(Notification.shown[0]!.options).toMatchObject({ body: 'Smoke in the hall', urgency: 'critical' });
    // Both are in the history; only the notification counts as unread.
    expect(herald.history.query({}).total).toBe(2);
    expect(herald.history.unreadCount()).toBe(1);
    await until(() => Tray.instances[0]!.tooltip.includes('1 unread'), 2000);
  });

  it('serves the API over IPC to its own windows only, validating every request', async () => {
    herald = start();
    herald.windows.show('settings');
    const win = BrowserWindow.windows.at(-1)!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    const ok = (await ipcMain.invoke(API.settingsGet, win.webContents)) as { ok: boolean };
    expect(ok.ok).toBe(true);
    const stranger = (await ipcMain.invoke(API.settingsGet, { not: 'a window' })) as {
      ok: boolean;
      error: { message: string };
    };
    expect(stranger).toMatchObject({ ok: false, error: { message: 'request from an unknown window' } });
    const bad = (await ipcMain.invoke(API.openUrl, win.webContents, { url: 'file:///etc/passwd' })) as {
      ok: boolean;
    };
    expect(bad.ok).toBe(false);
  });

  it('keeps a secret set through the API out of the settings and encrypted on disk', async () => {
    const store = memoryStore({
      settings: {
        version: 1,
        sources: [{ id: 'lab', kind: 'generic-json', name: 'Lab', url: 'ws://127.0.0.1:9/' }],
      },
    });
    herald = start(store);
    herald.windows.show('settings');
    const win = BrowserWindow.windows.at(-1)!;
    const result = (await ipcMain.invoke(API.secretsSet, win.webContents, {
      sourceId: 'lab',
      field: 'authorization',
      value: 'Bearer topsecret',
    })) as { ok: boolean };
    expect(result.ok).toBe(true);
    expect(JSON.stringify([...store.values])).not.toContain('topsecret');
    expect(readFileSync(join(app.userData, 'secrets.json'), 'utf8')).not.toContain('topsecret');
  });

  it('opens links from a page in the browser only when they are http(s), and never navigates away', async () => {
    herald = start();
    herald.windows.show('history');
    const contents = BrowserWindow.windows.at(-1)!.webContents;
    expect(contents.windowOpenHandler!({ url: 'https://jellyfin.local/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'smb://nas/share' })).toEqual({ action: 'deny' });
    expect(shell.opened).toContain('https://jellyfin.local/');
    expect(shell.opened).not.toContain('smb://nas/share');
    // The page may move between its own views, never to another file or site.
    let prevented = 0;
    const navigate = (url: string) =>
      contents.emit('will-navigate', { preventDefault: () => (prevented += 1) }, url);
    navigate('file:///app/out/renderer/index.html#/settings');
    expect(prevented).toBe(0);
    navigate('file:///etc/passwd');
    navigate('https://evil.example/');
    expect(prevented).toBe(2);
  });

  it('starts even when the history file is unreadable, and tells the user what is not kept', async () => {
    mkdirSync(join(app.userData, 'history.jsonl')); // a directory where the file should be
    safeStorage.backend = 'basic_text';
    herald = start();
    herald.windows.show('history');
    const win = BrowserWindow.windows.at(-1)!;
    const info = (await ipcMain.invoke(API.appInfo, win.webContents)) as {
      ok: true;
      value: { warnings: string[] };
    };
    expect(info.value.warnings).toEqual([
      expect.stringMatching(/keyring/),
      expect.stringMatching(/history file could not be opened/),
    ]);
  });

  it('tray "snooze all" is one change: one save, one push, every source snoozed', async () => {
    const source = (id: string) => ({ id, kind: 'generic-json', name: id, url: 'ws://127.0.0.1:1/' });
    const store = memoryStore({ settings: { version: 1, sources: [source('a'), source('b'), source('c')] } });
    let saves = 0;
    const set = store.set;
    store.set = (key, value) => {
      if (key === 'settings') saves += 1;
      set(key, value);
    };
    herald = start(store);
    herald.windows.show('settings');
    const contents = BrowserWindow.windows.at(-1)!.webContents;
    const settingsPushes = () =>
      contents.sent.filter((m) => (m.args[0] as { push?: string }).push === 'settings:changed').length;
    let changes = 0;
    herald.state.onChange(() => (changes += 1));
    const snooze = Tray.instances[0]!.menu!.items.find((i) => i.label === 'Snooze notifications')!;
    snooze.submenu!.find((i) => i.label === 'For 1 hour')!.click!();
    expect(changes).toBe(1);
    expect(saves).toBe(1);
    expect(settingsPushes()).toBe(1);
    const { snoozes } = herald.state.settings;
    expect(Object.keys(snoozes).sort()).toEqual(['a', 'b', 'c']);
    expect(herald.engine.statuses().every((s) => s.snoozedUntil === snoozes.a)).toBe(true);
    expect(Tray.instances[0]!.tooltip).toMatch(/snoozed/);
    snooze.submenu!.find((i) => i.label === 'Resume now')!.click!();
    expect(herald.state.settings.snoozes).toEqual({});
    expect(saves).toBe(2);
  });
});
