import { join } from 'node:path';
import type * as Electron from 'electron';
import type { Notification as NotificationContent } from '../shared/rules';
import type { ApiHandlers } from '../core/api/handlers';
import type { Engine } from '../core/engine/types';
import { createMemoryHistory } from '../core/history/memory-history';
import { openHistory } from '../core/history/jsonl-history';
import type { RetentionOptions } from '../core/history/types';
import type { HistoryStore } from '../core/history/types';
import { createHostKernel } from '../core/host/kernel';
import type { SettingsState } from '../core/settings/settings-state';
import { snoozedUntil, withSnoozes } from '../shared/snooze';
import { HttpUrlSchema } from '../shared/api';
import { isAutostartEnabled, setAutostart } from './autostart';
import type { AutostartEnv } from './autostart';
import { bindIpc } from './ipc';
import { createNotifier } from './notifier';
import { denyAllPermissions } from './permissions';
import type { NotificationCtor } from './notifier';
import { watchPower } from './power';
import { createSecretStore } from './secret-store';
import { createSettingsStore } from './settings-store';
import type { KeyValueStore } from './settings-store';
import { createTray } from './tray';
import type { HeraldTray, TrayDeps } from './tray';
import { createWindowManager } from './windows';
import type { WindowDeps, WindowManager } from './windows';

export type ElectronModule = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'Notification'
  | 'Tray'
  | 'Menu'
  | 'nativeImage'
  | 'safeStorage'
  | 'powerMonitor'
  | 'ipcMain'
  | 'shell'
  | 'session'
>;

export interface HeraldAppOptions {
  electron: ElectronModule;
  store: KeyValueStore & { set(key: string, value: unknown): void };
  preload: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); ignored by a packaged app, see below. */
  rendererUrl?: string;
  rendererFile: string;
  iconDir: string;
  platform?: NodeJS.Platform;
  /** The login launch passes --hidden: stay in the tray. */
  startHidden?: boolean;
}

export interface HeraldApp {
  state: SettingsState;
  engine: Engine;
  history: HistoryStore;
  handlers: ApiHandlers;
  windows: WindowManager;
  tray: HeraldTray;
  notify(content: NotificationContent, seq?: number): boolean;
  shutdown(): Promise<void>;
}

/** An unreadable history file (permissions, a full disk) must not keep Herald from starting. */
function openHistoryOrMemory(
  file: string,
  retention: RetentionOptions,
): { history: HistoryStore; problem?: string } {
  try {
    return { history: openHistory({ file, retention }) };
  } catch (error) {
    return {
      history: createMemoryHistory({ retention }),
      problem: `The history file could not be opened (${(error as Error).message}): events are kept only until Herald quits.`,
    };
  }
}

/**
 * The composition root of the Electron host: every piece is created here and handed what it needs,
 * so the whole host runs against a fake `electron` module in tests.
 */
export function startHeraldApp(opts: HeraldAppOptions): HeraldApp {
  const { electron } = opts;
  const { app, shell } = electron;
  const platform = opts.platform ?? process.platform;
  const userData = app.getPath('userData');
  // Herald's windows use the default session; it exists once the app is ready, which is when this runs.
  denyAllPermissions(electron.session.defaultSession);

  const secrets = createSecretStore({
    file: join(userData, 'secrets.json'),
    safeStorage: electron.safeStorage,
    platform,
  });
  const previousSecrets = createSecretStore({
    file: join(userData, 'secrets.previous.json'),
    safeStorage: electron.safeStorage,
    platform,
  });
  const settingsStore = createSettingsStore({ store: opts.store, secrets, previousSecrets });
  let historyProblem: string | undefined;
  const openHistoryHere = (retention: RetentionOptions) => {
    const opened = openHistoryOrMemory(join(userData, 'history.jsonl'), retention);
    historyProblem = opened.problem;
    return opened.history;
  };

  // The one door to the user's browser: only http(s), and the parsed form, never the raw string.
  const openExternal = (url: string) => {
    if (HttpUrlSchema.safeParse(url).success) void shell.openExternal(new URL(url).href);
  };
  const windows = createWindowManager({
    BrowserWindow: electron.BrowserWindow as unknown as WindowDeps['BrowserWindow'],
    preload: opts.preload,
    // One environment variable must not decide which page gets the preload API: a packaged app
    // always loads its own file.
    rendererUrl: app.isPackaged ? undefined : opts.rendererUrl,
    rendererFile: opts.rendererFile,
    iconPath: join(opts.iconDir, 'icon.png'),
    openExternal,
  });
  const notifier = createNotifier({
    Notification: electron.Notification as unknown as NotificationCtor,
    platform,
    iconPath: join(opts.iconDir, 'icon.png'),
    openExternal,
    showHistory: (seq) => windows.show('history', seq),
  });

  const autostartEnv: AutostartEnv = {
    platform,
    execPath: process.execPath,
    env: process.env,
    loginItems: app,
  };
  const syncAutostart = (wanted: boolean) => {
    if (isAutostartEnabled(autostartEnv) !== wanted) setAutostart(wanted, autostartEnv);
  };

  const kernel = createHostKernel({
    port: settingsStore,
    openHistory: openHistoryHere,
    api: {
      host: 'electron',
      warnings: () => [
        ...settingsStore
          .loadProblems()
          .map((p) => `Your saved settings were not valid and were set aside: ${p}`),
        ...(secrets.status().warning ? [secrets.status().warning!] : []),
        ...(historyProblem ? [historyProblem] : []),
      ],
      version: app.getVersion(),
      notify: (content) => notifier.show(content),
      openUrl: openExternal,
    },
  });
  const { state, engine, history, handlers } = kernel;
  const unbindIpc = bindIpc(
    electron.ipcMain as unknown as Parameters<typeof bindIpc>[0],
    electron.BrowserWindow as unknown as Parameters<typeof bindIpc>[1],
    handlers,
  );

  // One change for every source: one save, one engine update, one push.
  const snoozeAll = (ms: number | null) => {
    const now = Date.now();
    state.update((current) => ({
      ...current,
      settings: {
        ...current.settings,
        snoozes: withSnoozes(
          current.settings.snoozes,
          current.settings.sources.map((s) => s.id),
          ms === null ? null : now + ms,
          now,
        ),
      },
    }));
  };
  const tray = createTray({
    Tray: electron.Tray as unknown as TrayDeps['Tray'],
    Menu: electron.Menu as unknown as TrayDeps['Menu'],
    nativeImage: electron.nativeImage,
    platform,
    iconDir: join(opts.iconDir, 'tray'),
    actions: {
      openHistory: () => windows.show('history'),
      openSettings: () => windows.show('settings'),
      reconnectAll: () => engine.resume(),
      snoozeAll,
      quit: () => app.quit(),
    },
  });
  let shutDown = false;
  const refreshTray = () => {
    // Electron throws on a destroyed tray; a redraw queued before shutdown must not reach it.
    if (shutDown) return;
    const { settings } = state;
    const now = Date.now();
    const allSnoozed =
      settings.sources.length > 0 &&
      settings.sources.every((s) => snoozedUntil(settings, s.id, now) !== undefined);
    tray.update({ statuses: engine.statuses(), unread: history.unreadCount(), allSnoozed });
  };
  // Status changes arrive in bursts while sources connect; redraw the tray once per tick.
  let trayQueued: ReturnType<typeof setTimeout> | undefined;
  const queueTray = () => {
    if (trayQueued || shutDown) return;
    trayQueued = setTimeout(() => {
      trayQueued = undefined;
      refreshTray();
    }, 250);
    trayQueued.unref?.();
  };
  engine.on('status', queueTray);
  engine.on('entry', queueTray);
  engine.on('notification', (raised) => notifier.show(raised.notification, raised.seq));
  state.onChange((current, { previous }) => {
    if (current.settings === previous.settings) return;
    syncAutostart(current.settings.app.autostart);
    refreshTray();
  });

  const stopPower = watchPower({ powerMonitor: electron.powerMonitor, resume: () => engine.resume() });
  const { settings } = state;
  syncAutostart(settings.app.autostart);
  kernel.start();
  refreshTray();
  // First run (no sources yet): the history window opens whatever "start hidden" says, and offers
  // "Add your first server"; the settings come from there, in the same window.
  const firstRun = settings.sources.length === 0;
  if (!opts.startHidden && (!settings.app.startHidden || firstRun)) windows.show('history');

  return {
    state,
    engine,
    history,
    handlers,
    windows,
    tray,
    notify: (content, seq) => notifier.show(content, seq),
    async shutdown() {
      stopPower();
      unbindIpc();
      await kernel.close();
      shutDown = true;
      clearTimeout(trayQueued);
      tray.destroy();
    },
  };
}
