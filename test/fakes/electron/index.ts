/**
 * A stand-in for the `electron` module: the Electron binary cannot run on the build machines, so
 * main-process code is tested against these recorders. Only what Herald's host uses is here; each
 * fake records its calls so tests can assert on them.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => unknown;

class FakeApp extends EventEmitter {
  userData = mkdtempSync(join(tmpdir(), 'herald-userdata-'));
  readyPromise = Promise.resolve();
  quitCalls = 0;
  loginItems: { openAtLogin: boolean; args?: string[]; path?: string } = { openAtLogin: false };
  appUserModelId?: string;
  singleInstance = true;
  isPackaged = false;
  getPath(name: string) {
    return name === 'userData' ? this.userData : join(this.userData, name);
  }
  setPath(name: string, value: string) {
    if (name === 'userData') this.userData = value;
  }
  getVersion() {
    return '0.1.0-test';
  }
  getName() {
    return 'Herald';
  }
  whenReady() {
    return this.readyPromise;
  }
  isReady() {
    return true;
  }
  requestSingleInstanceLock() {
    return this.singleInstance;
  }
  setAppUserModelId(id: string) {
    this.appUserModelId = id;
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[]; path?: string }) {
    this.loginItems = { ...settings };
  }
  getLoginItemSettings() {
    return { ...this.loginItems };
  }
  quit() {
    this.quitCalls += 1;
  }
  exit() {
    this.quitCalls += 1;
  }
  dock = { hide() {}, show() {} };
}
export const app = new FakeApp();

export class FakeWebContents extends EventEmitter {
  static all: FakeWebContents[] = [];
  sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' };
  destroyed = false;
  constructor() {
    super();
    FakeWebContents.all.push(this);
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static fromWebContents(contents: unknown) {
    return BrowserWindow.windows.find((w) => w.webContents === contents && !w.destroyed) ?? null;
  }
  static getAllWindows() {
    return BrowserWindow.windows.filter((w) => !w.destroyed);
  }
  webContents = new FakeWebContents();
  loaded?: { url?: string; file?: string; query?: Record<string, string> };
  visible = false;
  destroyed = false;
  constructor(public options: Record<string, unknown>) {
    super();
    BrowserWindow.windows.push(this);
  }
  loadURL(url: string) {
    this.loaded = { url };
    return Promise.resolve();
  }
  loadFile(file: string, opts?: { query?: Record<string, string> }) {
    this.loaded = { file, query: opts?.query };
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class Notification extends EventEmitter {
  static shown: Notification[] = [];
  static supported = true;
  static isSupported() {
    return Notification.supported;
  }
  constructor(public options: Record<string, unknown>) {
    super();
  }
  show() {
    Notification.shown.push(this);
  }
  close() {
    this.emit('close');
  }
}

export const nativeImage = {
  createFromPath(path: string) {
    return { path, isEmpty: () => false, setTemplateImage() {}, resize: () => ({ path }) };
  },
};

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  image: unknown;
  tooltip = '';
  title = '';
  menu: { items: MenuItemOptions[] } | null = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle(text: string) {
    this.title = text;
  }
  setContextMenu(menu: { items: MenuItemOptions[] } | null) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

export interface MenuItemOptions {
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItemOptions[];
}
export const Menu = {
  buildFromTemplate(items: MenuItemOptions[]) {
    return { items };
  },
};

class FakeSafeStorage {
  available = true;
  backend = 'gnome_libsecret';
  isEncryptionAvailable() {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  encryptString(text: string) {
    if (!this.available) throw new Error('Encryption is not available.');
    // Reversible but not plain, so tests can prove the file never holds the clear text.
    return Buffer.from(`enc:${Buffer.from(text, 'utf8').reverse().toString('base64')}`);
  }
  decryptString(buffer: Buffer) {
    const text = buffer.toString();
    if (!text.startsWith('enc:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(4), 'base64').reverse().toString('utf8');
  }
}
export const safeStorage = new FakeSafeStorage();

export const powerMonitor = new EventEmitter();

class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, Listener>();
  handle(channel: string, handler: Listener) {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Test helper: what ipcRenderer.invoke would get back. */
  async invoke(channel: string, sender: unknown, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame: { url: 'file:///herald' } }, ...args);
  }
}
export const ipcMain = new FakeIpcMain();

export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    shell.opened.push(url);
  },
};

export const session = {
  defaultSession: {
    headerHooks: [] as Listener[],
    webRequest: {
      onHeadersReceived(listener: Listener) {
        session.defaultSession.headerHooks.push(listener);
      },
    },
    /** The permission hooks the host installed (null when it set none). */
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    devicePermissionHandler: null as Listener | null,
    setPermissionRequestHandler(handler: Listener | null) {
      session.defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener | null) {
      session.defaultSession.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: Listener | null) {
      session.defaultSession.devicePermissionHandler = handler;
    },
  },
};

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown) {
    contextBridge.exposed[key] = api;
  },
};

class FakeIpcRenderer extends EventEmitter {
  invoked: { channel: string; args: unknown[] }[] = [];
  invokeImpl: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => undefined;
  invoke(channel: string, ...args: unknown[]) {
    this.invoked.push({ channel, args });
    return this.invokeImpl(channel, ...args);
  }
}
export const ipcRenderer = new FakeIpcRenderer();

const electron = {
  app,
  BrowserWindow,
  Notification,
  nativeImage,
  Tray,
  Menu,
  safeStorage,
  powerMonitor,
  ipcMain,
  shell,
  session,
  contextBridge,
  ipcRenderer,
};
export default electron;
