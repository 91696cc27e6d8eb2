import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakeEmby } from '../../../fakes/emby/fake-server';
import type { FakeEmby } from '../../../fakes/emby/fake-server';

/** The fakes must refuse what the real servers refuse, or the source tests prove nothing. */
let fake: FakeEmby | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function open(
  url: string,
  headers: Record<string, string> = {},
  first?: object,
): Promise<{ status?: number; code?: number; reason?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    const timer = setTimeout(() => {
      ws.terminate();
      resolve({});
    }, 4000);
    ws.on('open', () => first && ws.send(JSON.stringify(first)));
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      resolve({ status: res.statusCode });
      ws.terminate();
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
    ws.on('error', () => {});
  });
}

describe('fake Emby / Jellyfin servers', () => {
  it('Jellyfin: 403 on a bad or missing token at the upgrade', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin' });
    expect(await open(`ws://127.0.0.1:${fake.port}/socket`)).toEqual({ status: 403 });
    expect(
      await open(`ws://127.0.0.1:${fake.port}/socket`, { Authorization: 'MediaBrowser Token="nope"' }),
    ).toEqual({ status: 403 });
  });

  it('Emby: 401 on a bad api_key', async () => {
    fake = await startFakeEmby({ flavour: 'emby' });
    expect(await open(`ws://127.0.0.1:${fake.port}/embywebsocket?api_key=nope&deviceId=x`)).toEqual({
      status: 401,
    });
  });

  it('legacy: the socket lives on its own port and wants Identity first', async () => {
    fake = await startFakeEmby({ flavour: 'emby-legacy', identityTimeoutMs: 300 });
    expect(fake.wsPort).not.toBe(fake.port);
    expect(await open(`ws://127.0.0.1:${fake.port}/mediabrowser`)).toEqual({ status: 404 });
    const wrongFirst = await open(
      `ws://127.0.0.1:${fake.wsPort}/mediabrowser`,
      {},
      { MessageType: 'SessionsStart', Data: '0,1000' },
    );
    expect(wrongFirst).toMatchObject({ code: 4001, reason: 'Identity required' });
    expect(await open(`ws://127.0.0.1:${fake.wsPort}/mediabrowser`)).toMatchObject({ code: 4001 });
  });

  it('REST: 401 without a token; Jellyfin 12 ignores X-Emby-Token', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin', legacyAuthorization: false });
    expect((await fetch(`${fake.url}/Sessions`)).status).toBe(401);
    expect(
      (await fetch(`${fake.url}/Sessions`, { headers: { 'X-Emby-Token': 'test-api-key' } })).status,
    ).toBe(401);
    expect(
      (
        await fetch(`${fake.url}/Sessions`, {
          headers: { Authorization: 'MediaBrowser Token="test-api-key"' },
        })
      ).status,
    ).toBe(200);
    expect(await (await fetch(`${fake.url}/System/Info/Public`)).json()).toMatchObject({
      ProductName: 'Jellyfin Server',
      Version: '12.0.0',
    });
  });
});
