import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult, PushChannel, WirePush } from '../shared/api';
import { createHeraldApi } from '../shared/api';

// Must match app/main/ipc.ts (the preload is bundled alone and imports nothing from main).
const PUSH_CHANNEL = 'herald:push';

const listeners = new Map<PushChannel, Set<(payload: unknown) => void>>();
ipcRenderer.on(PUSH_CHANNEL, (_event, message: WirePush) => {
  for (const listener of listeners.get(message.push) ?? []) listener(message.payload);
});

/** The API contract as `window.herald`, and nothing else: no ipcRenderer, no Node. */
const herald = createHeraldApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<ApiResult<unknown>>,
  subscribe(channel, listener) {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
});

contextBridge.exposeInMainWorld('herald', herald);
