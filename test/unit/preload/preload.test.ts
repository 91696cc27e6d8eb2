import { describe, expect, it } from 'vitest';
import { contextBridge, ipcRenderer } from '../../fakes/electron';
import { API, PUSH } from '../../../app/shared/api';
import type { HeraldApi } from '../../../app/shared/api';

describe('preload', () => {
  it('exposes exactly the API contract as window.herald over IPC, and fans out pushes', async () => {
    await import('../../../app/preload/index');
    expect(Object.keys(contextBridge.exposed)).toEqual(['herald']);
    const herald = contextBridge.exposed.herald as HeraldApi;
    for (const method of Object.keys(API)) expect(typeof herald[method as keyof typeof API]).toBe('function');

    ipcRenderer.invokeImpl = async (channel) => ({ ok: true, value: { channel } });
    await expect(herald.appInfo()).resolves.toEqual({ channel: API.appInfo });
    expect(ipcRenderer.invoked.at(-1)).toEqual({ channel: API.appInfo, args: [undefined] });

    ipcRenderer.invokeImpl = async () => ({
      ok: false,
      error: { code: 'bad-request', message: 'only http(s) URLs can be opened' },
    });
    await expect(herald.openUrl({ url: 'file:///x' })).rejects.toThrow('only http(s) URLs can be opened');

    const seen: unknown[] = [];
    const off = herald.subscribe(PUSH.sourcesStatus, (status) => seen.push(status));
    ipcRenderer.emit('herald:push', {}, { push: PUSH.sourcesStatus, payload: { sourceId: 'a' } });
    ipcRenderer.emit('herald:push', {}, { push: PUSH.historyAppended, payload: { seq: 1 } });
    off();
    ipcRenderer.emit('herald:push', {}, { push: PUSH.sourcesStatus, payload: { sourceId: 'b' } });
    expect(seen).toEqual([{ sourceId: 'a' }]);
  });
});
