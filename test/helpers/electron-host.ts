import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import electron, {
  BrowserWindow,
  Notification,
  Tray,
  app,
  ipcMain,
  safeStorage,
  session,
} from '../fakes/electron';
import { startHeraldApp } from '../../app/main/herald-app';
import type { ElectronModule, HeraldApp, HeraldAppOptions } from '../../app/main/herald-app';

/** electron-store stand-in: the real one needs the Electron runtime; this keeps values in a Map. */
export function memoryStore(initial: Record<string, unknown> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (key: string) => values.get(key),
    set: (key: string, value: unknown) => void values.set(key, value),
  };
}

/** A fresh fake Electron for each test: its own userData directory, no windows, no IPC handlers. */
export function resetFakeElectron(): void {
  app.userData = mkdtempSync(join(tmpdir(), 'herald-app-'));
  app.isPackaged = false;
  Notification.shown.length = 0;
  BrowserWindow.windows.length = 0;
  Tray.instances.length = 0;
  ipcMain.handlers.clear();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  session.defaultSession.permissionRequestHandler = null;
  session.defaultSession.permissionCheckHandler = null;
  session.defaultSession.devicePermissionHandler = null;
}

/** Starts the Electron host against the fake module, hidden (no window until a test opens one). */
export function startHost(
  store = memoryStore(),
  overrides: Partial<Omit<HeraldAppOptions, 'electron' | 'store'>> = {},
): HeraldApp {
  return startHeraldApp({
    electron: electron as unknown as ElectronModule,
    store,
    preload: '/app/out/preload/index.cjs',
    rendererFile: '/app/out/renderer/index.html',
    iconDir: '/app/build',
    platform: 'linux',
    startHidden: true,
    ...overrides,
  });
}

/** Opens a Herald window and returns the WebContents its IPC requests come from. */
export function openWindow(herald: HeraldApp, view: 'history' | 'settings' = 'settings') {
  herald.windows.show(view);
  return BrowserWindow.windows.at(-1)!;
}
