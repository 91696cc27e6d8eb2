import type { ApiResult, WirePush } from '../shared/api';
import { API } from '../shared/api';
import type { ApiHandlers } from '../core/api/handlers';

/** The single channel host → window pushes travel on; the preload fans them out by `push`. */
export const PUSH_CHANNEL = 'herald:push';

interface IpcMainLike {
  handle(
    channel: string,
    handler: (event: { sender: unknown }, request: unknown) => Promise<ApiResult<unknown>>,
  ): void;
  removeHandler(channel: string): void;
}
interface WindowsLike {
  fromWebContents(contents: unknown): unknown;
  getAllWindows(): {
    webContents: { send(channel: string, payload: WirePush): void; isDestroyed(): boolean };
  }[];
}

/**
 * Binds every API channel to IPC. Only Herald's own windows may call: a request from any other
 * WebContents (an embedded page, a stray devtools frame) is refused before validation.
 */
export function bindIpc(ipcMain: IpcMainLike, windows: WindowsLike, handlers: ApiHandlers): () => void {
  const channels = Object.values(API);
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, request) => {
      if (!windows.fromWebContents(event.sender)) {
        return { ok: false, error: { code: 'bad-request', message: 'request from an unknown window' } };
      }
      return handlers.handle(channel, request);
    });
  }
  const unsubscribe = handlers.onPush((push, payload) => {
    for (const win of windows.getAllWindows()) {
      if (!win.webContents.isDestroyed()) win.webContents.send(PUSH_CHANNEL, { push, payload });
    }
  });
  return () => {
    unsubscribe();
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
