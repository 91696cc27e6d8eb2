import { afterEach, describe, expect, it, vi } from 'vitest';
import WS from 'ws';
import { startServe } from '../../../app/cli/serve/start-serve';
import { createServeClient } from '../../../renderer/src/api/serve-client';
import {
  fakeEngine,
  memoryHistory,
  memorySettings,
  serveHandlers,
  sampleEvent,
  settingsWithSource,
} from '../serve/fakes';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.unstubAllGlobals();
});

async function serveOn(port: number, history = memoryHistory()) {
  const serve = await startServe({
    handlers: serveHandlers(fakeEngine().engine, history, memorySettings(settingsWithSource())),
    staticDir: '/nonexistent',
    token: 'fixed-token',
    port,
  });
  cleanups.push(() => serve.close());
  return serve;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('serve client: a request that timed out while disconnected', () => {
  it('is not sent later, when the connection comes back', async () => {
    const first = await serveOn(0);
    const port = Number(new URL(first.origin).port);
    const sockets: WS[] = [];
    vi.stubGlobal(
      'WebSocket',
      class extends WS {
        constructor(url: string) {
          super(url, { origin: first.origin });
          this.on('error', () => {});
          sockets.push(this);
        }
      },
    );
    cleanups.push(() => sockets.forEach((s) => s.terminate()));
    const client = createServeClient('fixed-token', `ws://127.0.0.1:${port}/api?token=fixed-token`);
    cleanups.push(() => client.close());
    expect(await client.api.appInfo()).toMatchObject({ host: 'serve' });

    // From here the client's clock is ours: its request timeout and its reconnect backoff.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await first.close();
    for (let i = 0; i < 200 && client.state() !== 'closed'; i++) await tick();
    expect(client.state()).toBe('closed');

    const cleared = client.api.historyClear().catch((error: unknown) => error);
    vi.advanceTimersByTime(15_000);
    expect(await cleared).toMatchObject({ code: 'disconnected' });

    // Herald comes back (same address) with history the user never asked to clear.
    const history = memoryHistory();
    history.append(sampleEvent(), { action: 'record', reason: 'kept' });
    await serveOn(port, history);
    for (let i = 0; i < 400 && client.state() !== 'open'; i++) {
      vi.advanceTimersByTime(1000);
      for (let j = 0; j < 20; j++) await tick();
    }
    vi.useRealTimers();
    expect(client.state()).toBe('open');
    expect(await client.api.appInfo()).toMatchObject({ host: 'serve' });
    expect(history.entries).toHaveLength(1);
  });
});
