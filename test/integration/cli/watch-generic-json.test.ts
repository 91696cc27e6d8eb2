import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { runWatch, writeConfig } from '../../helpers/herald-cli';
import type { WatchRun } from '../../helpers/herald-cli';

/** A JSON push server on loopback that remembers what each client sent and the upgrade headers. */
async function startPushServer() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const clients: WebSocket[] = [];
  const received: string[] = [];
  const authHeaders: (string | undefined)[] = [];
  wss.on('connection', (socket, req) => {
    authHeaders.push(req.headers.authorization);
    clients.push(socket);
    socket.on('message', (data) => received.push(String(data)));
  });
  const port = (wss.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${port}/events`,
    clients,
    received,
    authHeaders,
    send(data: unknown) {
      for (const c of clients)
        if (c.readyState === c.OPEN) c.send(typeof data === 'string' ? data : JSON.stringify(data));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

const config = (url: string) => ({
  version: 1,
  sources: [
    {
      id: 'lab',
      kind: 'generic-json',
      name: 'Lab',
      url,
      options: {
        typePath: 'event',
        idPath: 'id',
        entityNamePath: 'device',
        severityPath: 'level',
        onConnect: '{"subscribe":["all"]}',
        body: '{{raw.text}}',
      },
    },
  ],
  rules: [
    {
      id: 'door',
      name: 'Door opened',
      types: ['json.door'],
      conditions: [{ field: 'raw.state', op: 'eq', value: 'open' }],
      action: { type: 'notify', title: '{{entity.name}} is open' },
    },
    { id: 'noise', name: 'Heartbeats', types: ['json.heartbeat'], action: { type: 'drop' } },
  ],
  secrets: { lab: { authorization: 'Bearer s3cret' } },
});

/** Polls a condition that is set by a socket callback (bounded). */
async function until(pred: () => boolean, timeoutMs = 3000) {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let run: WatchRun | undefined;
let server: Awaited<ReturnType<typeof startPushServer>> | undefined;
afterEach(async () => {
  await run?.stop();
  await server?.close();
  run = undefined;
  server = undefined;
});

describe('herald watch against a local JSON WebSocket', { timeout: 90_000 }, () => {
  it('prints events with decisions and exactly the notifications the rules call for', async () => {
    server = await startPushServer();
    run = runWatch(writeConfig(config(server.url)));
    await run.waitForLine((l) => l.kind === 'status' && l.state === 'open');
    await until(() => server!.received.length > 0);
    expect(server.received).toEqual(['{"subscribe":["all"]}']);
    expect(server.authHeaders).toEqual(['Bearer s3cret']);

    server.send({ event: 'door', id: '1', device: 'Back door', state: 'open', text: 'opened by key' });
    server.send({ event: 'door', id: '2', device: 'Back door', state: 'closed', text: 'closed' });
    server.send({ event: 'heartbeat', id: '3' });
    server.send({ event: 'smoke', id: '4', device: 'Hall', level: 'critical', text: 'Smoke detected' });
    server.send('{not json');

    await run.waitForLine((l) => l.kind === 'event' && l.body === 'Smoke detected');
    await run.waitForLine((l) => l.kind === 'notification' && l.title.includes('Hall'));

    const events = run.events();
    expect(events.map((e) => [e.type, e.action])).toEqual([
      ['json.door', 'notify'],
      ['json.door', 'record'],
      ['json.heartbeat', 'drop'],
      ['json.smoke', 'notify'],
    ]);
    expect(events[1]!.reason).toMatch(/no rule matched/);
    const notes = run.notifications();
    expect(notes.map((n) => [n.title, n.body, n.rule])).toEqual([
      ['Back door is open', 'opened by key', 'door'],
      [expect.stringContaining('Hall'), 'Smoke detected', 'preset:generic-json:critical'],
    ]);
    // The secret never reaches the output.
    expect(JSON.stringify(run.lines)).not.toContain('s3cret');
  });

  it('reconnects after the server restarts, resends the subscription and does not notify twice for a replay', async () => {
    server = await startPushServer();
    const url = server.url;
    run = runWatch(writeConfig(config(url)));
    await run.waitForLine((l) => l.kind === 'status' && l.state === 'open');
    server.send({ event: 'door', id: 'd1', device: 'Front door', state: 'open' });
    await run.waitForLine((l) => l.kind === 'notification');

    const port = Number(new URL(url).port);
    await server.close();
    await run.waitForLine((l) => l.kind === 'status' && l.state === 'backing-off');
    const { WebSocketServer: Server } = await import('ws');
    const wss = new Server({ host: '127.0.0.1', port });
    const received: string[] = [];
    wss.on('connection', (socket) => {
      socket.on('message', (d) => received.push(String(d)));
      // The server replays its last message after a restart, as many do.
      socket.send(JSON.stringify({ event: 'door', id: 'd1', device: 'Front door', state: 'open' }));
    });
    try {
      const openAgain = run.lines.length;
      await run.waitForLine((l) => l.kind === 'status' && l.state === 'open', 30_000, openAgain);
      await run.waitForLine((l) => l.kind === 'event' && l.action !== 'notify', 15_000, openAgain);
      await until(() => received.length > 0);
      expect(received).toContain('{"subscribe":["all"]}');
      expect(run.notifications()).toHaveLength(1);
    } finally {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    }
  });
});
