import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServe } from '../../../app/cli/serve/start-serve';
import type { ServeHandle } from '../../../app/cli/serve/start-serve';
import { API, PUSH } from '../../../app/shared/api';
import type { WirePush, WireResponse } from '../../../app/shared/api';
import {
  fakeEngine,
  memoryHistory,
  memorySettings,
  serveHandlers,
  sampleEvent,
  settingsWithSource,
} from './fakes';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve() {
  const dir = mkdtempSync(join(tmpdir(), 'herald-serve-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Herald</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  const engine = fakeEngine([
    { sourceId: 'lab', sourceKind: 'generic-json', name: 'Lab', state: 'open', badFrames: 0, events: 0 },
  ]);
  const history = memoryHistory();
  const handle: ServeHandle = await startServe({
    handlers: serveHandlers(engine.engine, history, memorySettings(settingsWithSource())),
    staticDir: join(dir, 'www-missing-is-fine'),
  });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => handle.close());
  return { handle, engine, history, dir };
}

async function serveWithPage() {
  const dir = mkdtempSync(join(tmpdir(), 'herald-www-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Herald</title>');
  const engine = fakeEngine();
  const handle = await startServe({
    handlers: serveHandlers(engine.engine, memoryHistory(), memorySettings()),
    staticDir: dir,
  });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => handle.close());
  return handle;
}

/** Opens the API socket; resolves with the socket, or rejects with the refusal's status code. */
function connect(handle: ServeHandle, opts: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const token = opts.token ?? handle.token;
  const ws = new WebSocket(`${handle.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`, {
    origin: opts.origin ?? handle.origin,
    handshakeTimeout: 3000,
  });
  cleanups.push(() => ws.terminate());
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage<T>(ws: WebSocket, pred: (m: T) => boolean = () => true, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.off('message', onMessage);
      reject(new Error('timed out waiting for a message'));
    }, timeoutMs);
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as T;
      if (!pred(message)) return;
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

async function call(ws: WebSocket, id: number, channel: string, request?: unknown): Promise<WireResponse> {
  const reply = nextMessage<WireResponse>(ws, (m) => m.id === id);
  ws.send(JSON.stringify({ id, channel, request }));
  return reply;
}

describe('startServe', () => {
  it('binds loopback and refuses anything else', async () => {
    const { handle } = await serve();
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    await expect(
      startServe({
        handlers: serveHandlers(fakeEngine().engine, memoryHistory(), memorySettings()),
        staticDir: '.',
        host: '0.0.0.0' as '127.0.0.1',
      }),
    ).rejects.toThrow(/loopback/);
  });

  it('refuses a wrong or missing token with 401 and a foreign origin with 403', async () => {
    const { handle } = await serve();
    await expect(connect(handle, { token: 'wrong' })).rejects.toThrow('status 401');
    await expect(connect(handle, { token: '' })).rejects.toThrow('status 401');
    await expect(connect(handle, { origin: 'http://evil.example' })).rejects.toThrow('status 403');
    await expect(connect(handle)).resolves.toBeInstanceOf(WebSocket);
  });

  it('answers requests, rejects invalid ones with a validation error and survives junk frames', async () => {
    const { handle } = await serve();
    const ws = await connect(handle);
    const list = await call(ws, 1, API.sourcesList);
    expect(list.result).toMatchObject({ ok: true, value: [{ sourceId: 'lab', state: 'open' }] });
    const bad = await call(ws, 2, API.historyQuery, { severities: ['loud'] });
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const junk = nextMessage<WireResponse>(ws, (m) => m.id === null);
    ws.send('{not json');
    expect((await junk).result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const info = await call(ws, 3, API.appInfo);
    expect(info.result).toMatchObject({ ok: true, value: { host: 'serve' } });
  });

  it('pushes engine entries and statuses to every connected page', async () => {
    const { handle, engine, history } = await serve();
    const [a, b] = [await connect(handle), await connect(handle)];
    const pushes = [a, b].map((ws) => nextMessage<WirePush>(ws, (m) => m.push === PUSH.historyAppended));
    engine.emit('entry', history.append(sampleEvent(), { action: 'record', reason: 'no rule matched' }));
    for (const push of await Promise.all(pushes)) {
      expect(push.payload).toMatchObject({
        event: { title: 'Disk almost full' },
        decision: { reason: 'no rule matched' },
      });
    }
    const status = nextMessage<WirePush>(a, (m) => m.push === PUSH.sourcesStatus);
    engine.emit('status', {
      sourceId: 'lab',
      sourceKind: 'generic-json',
      name: 'Lab',
      state: 'backing-off',
      badFrames: 0,
      events: 1,
    });
    expect((await status).payload).toMatchObject({ state: 'backing-off' });
  });

  it('serves the page with a strict CSP and nothing outside the static folder', async () => {
    const handle = await serveWithPage();
    const page = await fetch(`${handle.origin}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`connect-src ${handle.origin} ${handle.origin.replace('http', 'ws')}`);
    expect(await page.text()).toContain('<title>Herald</title>');
    expect((await fetch(`${handle.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${handle.origin}/missing.js`)).status).toBe(404);
    expect((await fetch(`${handle.origin}/`, { method: 'POST' })).status).toBe(405);
    // A page reached through another name (DNS rebinding) gets nothing.
    const rebound = await new Promise<number | undefined>((resolve, reject) => {
      const url = new URL(handle.origin);
      request(
        { host: url.hostname, port: url.port, path: '/', headers: { Host: `evil.example:${url.port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(rebound).toBe(403);
  });
});
