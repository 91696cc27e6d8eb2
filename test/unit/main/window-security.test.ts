import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeraldApp } from '../../../app/main/herald-app';
import { app, session } from '../../fakes/electron';
import { memoryStore, openWindow, resetFakeElectron, startHost } from '../../helpers/electron-host';

let herald: HeraldApp | undefined;
beforeEach(resetFakeElectron);
afterEach(async () => {
  await herald?.shutdown();
  herald = undefined;
});

const DEV_SERVER = 'http://localhost:5173/';

describe('which page Herald’s windows load', () => {
  it('a packaged app loads its own file whatever ELECTRON_RENDERER_URL says', () => {
    app.isPackaged = true;
    herald = startHost(memoryStore(), { rendererUrl: DEV_SERVER });
    const win = openWindow(herald, 'history');
    expect(win.loaded).toEqual({ file: '/app/out/renderer/index.html', query: undefined });
    // Nor may the page navigate to that address.
    let prevented = 0;
    win.webContents.emit(
      'will-navigate',
      { preventDefault: () => (prevented += 1) },
      `${DEV_SERVER}#/history`,
    );
    expect(prevented).toBe(1);
  });

  it('in development (not packaged) it loads the dev server', () => {
    app.isPackaged = false;
    herald = startHost(memoryStore(), { rendererUrl: DEV_SERVER });
    const win = openWindow(herald, 'history');
    expect(win.loaded).toEqual({ url: `${DEV_SERVER}#/history` });
  });
});

describe('browser permissions', () => {
  const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'openExternal'];

  it('every permission request and check from Herald’s windows is refused', async () => {
    herald = startHost();
    const win = openWindow(herald, 'settings');
    const { permissionRequestHandler, permissionCheckHandler, devicePermissionHandler } =
      session.defaultSession;
    expect(permissionRequestHandler).toBeTypeOf('function');
    expect(permissionCheckHandler).toBeTypeOf('function');
    expect(devicePermissionHandler).toBeTypeOf('function');
    for (const permission of PERMISSIONS) {
      const granted = await new Promise<boolean>((resolve) =>
        permissionRequestHandler!(win.webContents, permission, resolve, { requestingUrl: 'file:///x' }),
      );
      expect(granted, permission).toBe(false);
      expect(permissionCheckHandler!(win.webContents, permission, 'file://', {}), permission).toBe(false);
    }
    expect(devicePermissionHandler!({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });
});
