import { afterEach, describe, expect, it } from 'vitest';
import { runWatch, writeConfig } from '../../helpers/herald-cli';
import type { WatchRun } from '../../helpers/herald-cli';
import { startScriptedWsServer } from '../../helpers/scripted-ws-server';

/** A JSON push server on loopback that sends `frame` to every client as soon as it connects. */
const startServer = (frame: unknown) => startScriptedWsServer((socket) => socket.send(JSON.stringify(frame)));

let run: WatchRun | undefined;
let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await run?.stop();
  await server?.close();
  run = undefined;
  server = undefined;
});

describe('herald watch against a JSON WebSocket sending hostile values', { timeout: 60_000 }, () => {
  it('an impossible time or a prototype word as severity degrades; the frame is not lost', async () => {
    server = await startServer([
      { event: 'smoke', id: 'h1', device: 'Hall', level: 'critical', ts: 1e20, text: 'Smoke detected' },
      { event: 'door', id: 'h2', device: 'Back door', level: 'constructor', text: 'opened' },
    ]);
    const config = {
      version: 1,
      sources: [
        {
          id: 'lab',
          kind: 'generic-json',
          name: 'Lab',
          url: server.url,
          options: {
            typePath: 'event',
            idPath: 'id',
            entityNamePath: 'device',
            severityPath: 'level',
            timePath: 'ts',
          },
        },
      ],
    };
    run = runWatch(writeConfig(config));
    await run.waitForLine((l) => l.kind === 'event' && l.type === 'json.door', 20_000);
    await run.waitForLine((l) => l.kind === 'notification', 10_000);
    const events = run.events();
    expect(events.map((e) => [e.type, e.severity, e.action])).toEqual([
      ['json.smoke', 'critical', 'notify'],
      ['json.door', 'info', 'record'],
    ]);
    for (const e of events) expect(Number.isNaN(Date.parse(e.time))).toBe(false);
    expect(run.notifications().map((n) => n.body)).toEqual(['Smoke detected']);
  });
});
