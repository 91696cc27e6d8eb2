import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakeEmby } from '../../../fakes/emby/fake-server';
import type { FakeEmby } from '../../../fakes/emby/fake-server';
import type { SessionHarness } from '../../../helpers/session-harness';
import { connect, sleep } from './helpers';

let fake: FakeEmby | undefined;
let h: SessionHarness | undefined;
afterEach(async () => {
  await h?.stop();
  await fake?.close();
  h = undefined;
  fake = undefined;
});

function keepAlivesFrom(f: FakeEmby): number {
  return [...f.state.sockets]
    .flatMap((s) => s.received)
    .filter((m) => (m as { MessageType?: string }).MessageType === 'KeepAlive').length;
}

/** A client that opens the socket and then says nothing; resolves with the close code. */
function silentClient(
  url: string,
  headers: Record<string, string>,
): Promise<{ code?: number; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode });
      ws.terminate();
    });
    ws.on('close', (code) => resolve({ code }));
    ws.on('error', () => {});
  });
}

describe('Jellyfin application KeepAlive', () => {
  it('the fake drops a client that sends no KeepAlive (so the next test means something)', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin', keepAliveTimeoutMs: 400 });
    const started = Date.now();
    const result = await silentClient(`ws://127.0.0.1:${fake.port}/socket`, {
      Authorization:
        'MediaBrowser Client="raw", Device="d", DeviceId="raw-1", Version="1", Token="test-api-key"',
    });
    expect(result.code).toBeDefined();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(fake.state.droppedForSilence).toBe(1);
  });

  it("Herald's periodic KeepAlive keeps the socket (server reminders switched off)", async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin', keepAliveTimeoutMs: 900, forceKeepAlive: false });
    h = connect(fake, { options: { keepaliveSeconds: 0.15 } });
    await h.waitForState('open', 8000);
    await sleep(2000);
    expect(h.status().state).toBe('open');
    expect(fake.state.droppedForSilence).toBe(0);
    expect(fake.state.connections).toBe(1);
    expect(keepAlivesFrom(fake)).toBeGreaterThanOrEqual(5);
  });

  it('answering ForceKeepAlive alone also keeps it', async () => {
    // ForceKeepAlive at 75 % of the timeout leaves a 25 % window to answer: wide enough for a busy CI box.
    fake = await startFakeEmby({ flavour: 'jellyfin', keepAliveTimeoutMs: 1600 });
    h = connect(fake, { options: { keepaliveSeconds: 300 } });
    await h.waitForState('open', 8000);
    await sleep(3500);
    expect(fake.state.droppedForSilence).toBe(0);
    expect(fake.state.connections).toBe(1);
    expect(keepAlivesFrom(fake)).toBeGreaterThanOrEqual(2);
  });

  it('Jellyfin 12 (legacy auth off): the api_key socket is refused with 403, Herald’s header works', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin', legacyAuthorization: false });
    const legacy = await silentClient(`ws://127.0.0.1:${fake.port}/socket?api_key=test-api-key`, {});
    expect(legacy.status).toBe(403);
    h = connect(fake);
    await h.waitForState('open', 8000);
    expect(fake.state.refusals).toEqual([403]);
  });
});
