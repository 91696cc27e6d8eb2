import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import electron, { BrowserWindow, Tray, app, ipcMain, safeStorage } from '../../fakes/electron';
import { startHeraldApp } from '../../../app/main/herald-app';
import type { ElectronModule } from '../../../app/main/herald-app';

let wss: WebSocketServer | undefined;
const restores: (() => void)[] = [];

beforeEach(() => {
  app.userData = mkdtempSync(join(tmpdir(), 'herald-app-'));
  BrowserWindow.windows.length = 0;
  Tray.instances.length = 0;
  ipcMain.handlers.clear();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});
afterEach(async () => {
  for (const restore of restores.splice(0)) restore();
  await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
  wss = undefined;
});

describe('Electron host shutdown', () => {
  it('never touches the tray after destroying it (Electron throws on a destroyed tray)', async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss!.once('listening', () => resolve()));
    const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`;
    const values = new Map<string, unknown>([
      ['settings', { version: 1, sources: [{ id: 'lab', kind: 'generic-json', name: 'Lab', url }] }],
    ]);
    const herald = startHeraldApp({
      electron: electron as unknown as ElectronModule,
      store: {
        get: (key: string) => values.get(key),
        set: (key: string, v: unknown) => void values.set(key, v),
      },
      preload: '/app/out/preload/index.cjs',
      rendererFile: '/app/out/renderer/index.html',
      iconDir: '/app/build',
      platform: 'linux',
      startHidden: true,
    });
    const end = Date.now() + 5000;
    while (wss.clients.size === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(wss.clients.size).toBe(1);

    const tray = Tray.instances[0]!;
    const afterDestroy: string[] = [];
    for (const method of ['setImage', 'setToolTip', 'setContextMenu', 'setTitle'] as const) {
      const original = tray[method].bind(tray) as (value: never) => void;
      tray[method] = ((value: never) => {
        if (tray.destroyed) afterDestroy.push(method);
        original(value);
      }) as never;
      restores.push(() => (tray[method] = original as never));
    }
    await herald.shutdown();
    expect(tray.destroyed).toBe(true);
    // The tray redraw is queued for 250 ms after a status change (the shutdown's "stopped").
    await new Promise((r) => setTimeout(r, 600));
    expect(afterDestroy).toEqual([]);
  });
});
