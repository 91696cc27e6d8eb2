import { pathToFileURL } from 'node:url';
import { HttpUrlSchema } from '../shared/api';

export type View = 'history' | 'settings';

interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
}
interface WindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  loadFile(file: string, options?: { hash?: string }): Promise<void>;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  on(event: 'closed' | 'ready-to-show', listener: () => void): unknown;
}

export interface WindowDeps {
  BrowserWindow: new (options: Record<string, unknown>) => WindowLike;
  preload: string;
  /** The dev server URL (electron-vite) or, packaged, the built index.html. */
  rendererUrl?: string;
  rendererFile: string;
  iconPath?: string;
  openExternal(url: string): void;
}

export interface WindowManager {
  show(view: View, seq?: number): void;
}

/** Opens links from the page in the user's browser (http(s) only) and never navigates the app window away. */
function lockDown(
  contents: WebContentsLike,
  openExternal: (url: string) => void,
  ownUrl: (url: string) => boolean,
) {
  contents.setWindowOpenHandler(({ url }) => {
    if (HttpUrlSchema.safeParse(url).success) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!ownUrl(url)) event.preventDefault();
  });
}

export function createWindowManager(deps: WindowDeps): WindowManager {
  const open = new Map<View, WindowLike>();
  // Only the app's own page (any hash) counts as home; every other file:// URL is foreign too.
  const home = deps.rendererUrl ?? pathToFileURL(deps.rendererFile).href;
  const ownUrl = (url: string) => url.split('#')[0] === home.split('#')[0];

  const load = (win: WindowLike, view: View, seq?: number) => {
    const hash = seq === undefined ? `/${view}` : `/${view}?seq=${seq}`;
    void (deps.rendererUrl
      ? win.loadURL(`${deps.rendererUrl}#${hash}`)
      : win.loadFile(deps.rendererFile, { hash }));
  };

  return {
    show(view, seq) {
      const existing = open.get(view);
      if (existing && !existing.isDestroyed()) {
        // A clicked notification names its entry: an open window goes there (a hash change, no reload).
        if (seq !== undefined) load(existing, view, seq);
        if (existing.isMinimized()) existing.restore();
        existing.show();
        existing.focus();
        return;
      }
      const win = new deps.BrowserWindow({
        width: view === 'history' ? 960 : 880,
        height: 680,
        minWidth: 560,
        minHeight: 420,
        show: false,
        title: view === 'history' ? 'Herald — History' : 'Herald — Settings',
        ...(deps.iconPath ? { icon: deps.iconPath } : {}),
        webPreferences: {
          preload: deps.preload,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      });
      lockDown(win.webContents, deps.openExternal, ownUrl);
      win.on('ready-to-show', () => win.show());
      win.on('closed', () => open.delete(view));
      load(win, view, seq);
      open.set(view, win);
    },
  };
}
