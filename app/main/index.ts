import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import electron from 'electron';
import Store from 'electron-store';
import { HIDDEN_FLAG } from './autostart';
import { startHeraldApp } from './herald-app';
import type { HeraldApp } from './herald-app';

/** Must equal electron-builder's appId: Windows ties toasts to it through the Start-menu shortcut. */
const APP_ID = 'org.herald.desktop';

const { app } = electron;
const here = fileURLToPath(new URL('.', import.meta.url));

/** A settings file that is not even JSON is moved aside (kept for the user) instead of blocking start-up. */
function openStore() {
  const options = { name: 'settings', clearInvalidConfig: false } as const;
  try {
    return new Store(options);
  } catch {
    const file = join(app.getPath('userData'), 'settings.json');
    if (existsSync(file)) renameSync(file, `${file}.corrupt-${Date.now()}`);
    return new Store(options);
  }
}

app.setAppUserModelId(APP_ID);
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let herald: HeraldApp | undefined;
  // A tray icon can be invisible (GNOME without AppIndicator): launching Herald again opens the window.
  app.on('second-instance', () => herald?.windows.show('history'));
  // A tray app keeps running with every window closed.
  app.on('window-all-closed', () => {});
  app.on('activate', () => herald?.windows.show('history'));

  void app.whenReady().then(() => {
    if (process.platform === 'darwin') app.dock?.hide();
    herald = startHeraldApp({
      electron,
      store: openStore() as never,
      preload: join(here, '../preload/index.cjs'),
      rendererUrl: process.env.ELECTRON_RENDERER_URL,
      rendererFile: join(here, '../renderer/index.html'),
      iconDir: app.isPackaged ? join(process.resourcesPath, 'icons') : join(here, '../../build'),
      startHidden: process.argv.includes(HIDDEN_FLAG),
    });
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !herald) return;
    event.preventDefault();
    quitting = true;
    void herald.shutdown().finally(() => app.quit());
  });
}
