import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testConnection } from '../../../app/core/api/test-connection';
import { createEngine } from '../../../app/core/engine/engine';
import type { ConnectionStatusUpdate } from '../../../app/core/connection/types';
import type { SourceAdapter } from '../../../app/core/sources/types';
import { SourceTestRequestSchema } from '../../../app/shared/source-test';
import type { SourceTestRequest } from '../../../app/shared/source-test';
import type { Secrets, Settings } from '../../../app/shared/settings';
import { SettingsSchema } from '../../../app/shared/settings';
import { startFakeEmby } from '../../fakes/emby/fake-server';
import { closedPort } from '../../helpers/ports';
import { generateSelfSigned } from '../../helpers/tls';
import { startWsServer } from '../../helpers/ws-server';
import { memoryState } from '../../helpers/settings-state';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const empty = () => ({ settings: SettingsSchema.parse({ version: 1 }), secrets: {} as Secrets });

function run(
  request: SourceTestRequest,
  stored: { settings: Settings; secrets: Secrets } = empty(),
  timeoutMs?: number,
) {
  return testConnection(SourceTestRequestSchema.parse(request), { stored: () => stored, timeoutMs });
}

const json = (url: string, options: Record<string, unknown> = {}) => ({
  source: { kind: 'generic-json', url, options },
});

/** Accepts TCP connections and never says a word. */
async function silentServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

describe('test connection', () => {
  it('reports a reachable JSON WebSocket as reached, and closes its socket again', async () => {
    const server = await startWsServer();
    closers.push(() => server.close());
    const result = await run(json(`${server.url}/events`));
    expect(result).toMatchObject({ outcome: 'reached', notes: [] });
    expect(result.message).toContain(`${server.url}/events`);
    expect(server.upgradeCount).toBe(1);
    await expect.poll(() => server.clients.length).toBe(0);
  });

  it('says plainly when nothing listens on the port', async () => {
    const port = await closedPort();
    const result = await run(json(`ws://127.0.0.1:${port}/`));
    expect(result.outcome).toBe('refused');
    expect(result.message).toMatch(/connection refused/i);
    expect(result.hint).toMatch(/port/);
  });

  it('reports a refused upgrade (401) as a sign-in failure, sending the typed header', async () => {
    const server = await startWsServer({
      authorize: (req) => (req.headers.authorization === 'Bearer right' ? undefined : 401),
    });
    closers.push(() => server.close());
    const wrong = await run({ ...json(server.url), secrets: { authorization: 'Bearer wrong' } });
    expect(wrong.outcome).toBe('auth-failed');
    expect(wrong.message).toContain('HTTP 401');
    const right = await run({ ...json(server.url), secrets: { authorization: 'Bearer right' } });
    expect(right.outcome).toBe('reached');
  });

  it('uses the stored secrets of the source it edits, except those cleared in the form', async () => {
    const server = await startWsServer({
      authorize: (req) => (req.headers.authorization === 'Bearer stored' ? undefined : 401),
    });
    closers.push(() => server.close());
    const stored = {
      settings: SettingsSchema.parse({
        version: 1,
        sources: [{ id: 'lab', kind: 'generic-json', name: 'Lab', url: server.url }],
      }),
      secrets: { lab: { authorization: 'Bearer stored' } },
    };
    const edit = { source: { id: 'lab', kind: 'generic-json', url: server.url, options: {} } };
    expect((await run(edit, stored)).outcome).toBe('reached');
    expect((await run({ ...edit, clearedSecrets: ['authorization'] }, stored)).outcome).toBe('auth-failed');
    // A new source never borrows another source's secrets.
    expect((await run(json(server.url), stored)).outcome).toBe('auth-failed');
  });

  it('names the fingerprint of an untrusted certificate, and reaches the server once it is pinned', async () => {
    const cert = await generateSelfSigned();
    const server = await startWsServer({ tls: cert });
    closers.push(() => server.close());
    const untrusted = await run(json(server.url));
    expect(untrusted).toMatchObject({ outcome: 'tls-untrusted', fingerprint256: cert.fingerprint256 });
    expect(untrusted.message).toMatch(/self-signed/);
    // The refused certificate never saw an upgrade request (no credentials went out).
    expect(server.upgradeCount).toBe(0);
    const pinned = await run({
      source: {
        kind: 'generic-json',
        url: server.url,
        options: {},
        tls: { fingerprint256: cert.fingerprint256 },
      },
    });
    expect(pinned.outcome).toBe('reached');
  });

  it('calls an HTTP answer instead of a WebSocket the wrong kind of server', async () => {
    const server = await startWsServer({
      authorize: () => 404,
    });
    closers.push(() => server.close());
    const result = await run(json(`${server.url}/not-here`));
    expect(result.outcome).toBe('wrong-kind');
    expect(result.message).toContain('HTTP 404');
  });

  it('stops at its time limit when the server never answers', async () => {
    const port = await silentServer();
    const result = await run(json(`ws://127.0.0.1:${port}/`), empty(), 500);
    expect(result.outcome).toBe('timed-out');
  });

  it('reports options that cannot be tried, and an unknown kind, without connecting', async () => {
    expect((await run(json('ws://127.0.0.1:1/', { idPath: 42 }))).outcome).toBe('invalid');
    expect((await run({ source: { kind: 'gopher', url: 'ws://127.0.0.1:1/', options: {} } })).outcome).toBe(
      'invalid',
    );
  });

  describe('Emby: the kind’s own preparation (sign-in) runs first', () => {
    it('a wrong password is a sign-in failure, the right one reaches the server', async () => {
      const fake = await startFakeEmby({ flavour: 'emby' });
      closers.push(() => fake.close());
      const source = { kind: 'emby', url: fake.url, options: { username: 'tray', deviceId: 'herald-test' } };
      const wrong = await run({ source, secrets: { password: 'nope' } });
      expect(wrong.outcome).toBe('auth-failed');
      const right = await run({ source, secrets: { password: 's3cret' } });
      expect(right).toMatchObject({ outcome: 'reached' });
      expect(right.message).toContain('Emby');
      // The socket the test opened is gone again; the token it got was not stored anywhere.
      await expect.poll(() => fake.heraldSessions().length).toBe(0);
    });

    it('a web server that is not Emby is the wrong kind', async () => {
      const server = await startWsServer({
        onRequest: (_req, res) =>
          res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>'),
      });
      closers.push(() => server.close());
      const source = { kind: 'emby', url: server.url.replace('ws:', 'http:'), options: { username: 'tray' } };
      const result = await run({ source, secrets: { password: 's3cret' } });
      expect(result.outcome).toBe('wrong-kind');
      expect(result.message).toMatch(/HTTP 404/);
    });
  });

  it('a kind with its own client (not a WebSocket) is judged by the first state it reports, then closed', async () => {
    const closed: string[] = [];
    const ownKind = (
      report: (status: (u: ConnectionStatusUpdate) => void) => void,
    ): SourceAdapter<unknown> => ({
      kind: 'own',
      displayName: 'Own protocol',
      description: '',
      defaultUrl: 'mqtt://127.0.0.1:1883',
      fields: [],
      optionsSchema: z.object({}),
      secretFields: [],
      presets: [],
      createSession: () => ({
        connect: {
          transport: (hooks) => ({
            start: () => report(hooks.status),
            resume() {},
            close: async () => void closed.push('closed'),
          }),
        },
        frames: { handle: () => [] },
      }),
    });
    const request = SourceTestRequestSchema.parse({
      source: { kind: 'own', url: 'mqtt://127.0.0.1:1/', options: {} },
    });
    const stored = () => empty();
    const open = await testConnection(request, {
      stored,
      adapterFor: () => ownKind((status) => setTimeout(() => status({ state: 'open' }), 10)),
    });
    expect(open).toMatchObject({
      outcome: 'reached',
      message: 'Reached Own protocol: the connection opened.',
    });
    const refused = await testConnection(request, {
      stored,
      adapterFor: () =>
        ownKind((status) => {
          status({ state: 'connecting' });
          status({ state: 'auth-failed', lastError: 'bad password', hint: 'check it' });
        }),
    });
    expect(refused).toMatchObject({ outcome: 'auth-failed', hint: 'check it' });
    const silent = await testConnection(request, {
      stored,
      timeoutMs: 200,
      adapterFor: () => ownKind(() => {}),
    });
    expect(silent.outcome).toBe('timed-out');
    expect(closed).toEqual(['closed', 'closed', 'closed']);
  });

  it('does not disturb the running source it edits', async () => {
    const server = await startWsServer();
    closers.push(() => server.close());
    const settings = SettingsSchema.parse({
      version: 1,
      sources: [{ id: 'lab', kind: 'generic-json', name: 'Lab', url: server.url }],
    });
    const engine = createEngine({ state: memoryState(settings) });
    closers.push(() => engine.stop());
    engine.start();
    const running = await server.nextConnection(5000);
    const other = await startWsServer();
    closers.push(() => other.close());
    const result = await run(
      { source: { id: 'lab', kind: 'generic-json', url: other.url, options: {} } },
      { settings, secrets: {} },
    );
    expect(result.outcome).toBe('reached');
    expect(running.readyState).toBe(running.OPEN);
    expect(server.upgradeCount).toBe(1);
    expect(engine.statuses()[0]).toMatchObject({ sourceId: 'lab', state: 'open' });
  });
});
