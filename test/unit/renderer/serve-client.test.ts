import { afterEach, describe, expect, it, vi } from 'vitest';
import WS from 'ws';
import { startServe } from '../../../app/cli/serve/start-serve';
import type { ServeHandle } from '../../../app/cli/serve/start-serve';
import { HeraldApiError, PUSH } from '../../../app/shared/api';
import type { HistoryEntry } from '../../../app/shared/history';
import { createServeClient } from '../../../renderer/src/api/serve-client';
import type { ConnectionState } from '../../../renderer/src/api/serve-client';
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
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.unstubAllGlobals();
});

/** The page's WebSocket, as a browser on the served origin would open it. */
function stubBrowserSocket(origin: string) {
  const sockets: WS[] = [];
  class BrowserSocket extends WS {
    constructor(url: string) {
      super(url, { origin });
      // A browser socket reports failures through onclose only; it never throws an 'error' event at you.
      this.on('error', () => {});
      sockets.push(this);
    }
  }
  vi.stubGlobal('WebSocket', BrowserSocket);
  cleanups.push(() => sockets.forEach((s) => s.terminate()));
}

async function setup(token?: string) {
  const engine = fakeEngine();
  const history = memoryHistory();
  const serve: ServeHandle = await startServe({
    handlers: serveHandlers(engine.engine, history, memorySettings(settingsWithSource())),
    staticDir: '/nonexistent',
    token: 'fixed-token',
  });
  cleanups.push(() => serve.close());
  stubBrowserSocket(serve.origin);
  const client = createServeClient(
    token ?? serve.token,
    `${serve.origin.replace('http', 'ws')}/api?token=${token ?? serve.token}`,
  );
  cleanups.push(() => client.close());
  return { client, serve, engine, history };
}

function waitForState(
  client: ReturnType<typeof createServeClient>,
  state: ConnectionState,
  timeoutMs = 3000,
) {
  if (client.state() === state) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never reached ${state}`)), timeoutMs);
    const off = client.onState((s) => {
      if (s !== state) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

describe('serve client (window.herald over the WebSocket)', () => {
  it('calls the API and returns typed values', async () => {
    const { client } = await setup();
    expect(await client.api.appInfo()).toMatchObject({ host: 'serve' });
    const settings = await client.api.settingsGet();
    expect(settings.sources[0]?.id).toBe('lab');
    expect(await client.api.secretsStatus()).toEqual({ lab: [] });
  });

  it('rejects invalid requests with a HeraldApiError carrying the field issues', async () => {
    const { client } = await setup();
    const error = await client.api.openUrl({ url: 'javascript:alert(1)' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeraldApiError);
    expect(error).toMatchObject({ code: 'bad-request', issues: [{ path: 'url' }] });
  });

  it('delivers pushes to subscribers until they unsubscribe', async () => {
    const { client, engine, history } = await setup();
    await waitForState(client, 'open');
    const seen: HistoryEntry[] = [];
    const off = client.api.subscribe(PUSH.historyAppended, (entry) => seen.push(entry));
    engine.emit('entry', history.append(sampleEvent(), { action: 'record', reason: 'no rule matched' }));
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 3000 });
    expect(seen[0]?.decision.reason).toBe('no rule matched');
    off();
    engine.emit('entry', history.append(sampleEvent({ id: 'e2' }), { action: 'record', reason: 'again' }));
    // A request round trip after the push proves the push had its chance to arrive.
    await client.api.appInfo();
    expect(seen).toHaveLength(1);
  });

  it('reports a refused socket as closed, and fails waiting requests as disconnected', async () => {
    const { client } = await setup('wrong-token');
    const request = client.api.appInfo().catch((e: unknown) => e);
    await waitForState(client, 'closed');
    client.close();
    const error = await request;
    expect(error).toBeInstanceOf(HeraldApiError);
    expect(error).toMatchObject({ code: 'disconnected' });
  });
});
