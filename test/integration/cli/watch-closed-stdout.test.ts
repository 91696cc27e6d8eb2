import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistory } from '../../../app/core/history/jsonl-history';
import { runWatch, writeConfig } from '../../helpers/herald-cli';
import type { WatchRun } from '../../helpers/herald-cli';
import { startWsServer } from '../../helpers/ws-server';
import type { TestWsServer } from '../../helpers/ws-server';

let run: WatchRun | undefined;
let server: TestWsServer | undefined;
afterEach(async () => {
  await run?.stop();
  await server?.close();
  run = undefined;
  server = undefined;
});

describe('herald watch | head', { timeout: 60_000 }, () => {
  it('ends normally when the reader closes its stdout: engine stopped, history closed, exit 0', async () => {
    server = await startWsServer();
    const config = writeConfig({
      version: 1,
      sources: [{ id: 'lab', kind: 'generic-json', name: 'Lab', url: server.url, options: {} }],
    });
    const historyFile = join(dirname(config), 'history.jsonl');
    run = runWatch(config, ['--history', historyFile]);
    await run.waitForLine((l) => l.kind === 'status' && l.state === 'open');
    const socket = await server.nextConnection();
    for (let i = 1; i <= 3; i++) socket.send(JSON.stringify({ type: 'tick', n: i }));
    await run.waitForLine(() => run!.events().length >= 3);

    // `head -5` has read its lines and gone; Herald keeps writing as events arrive.
    run.closeStdout();
    let sent = 3;
    const exited = run.exited.then((code) => ({ code }));
    // Bounded: at most 400 frames, one every 25 ms, until the child has noticed and exited.
    while (sent < 400) {
      const done = await Promise.race([exited, new Promise((r) => setTimeout(r, 25))]);
      if (done) break;
      socket.send(JSON.stringify({ type: 'tick', n: ++sent }));
    }
    const { code } = await exited;

    expect(run.stderr()).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
    // The socket was closed by the engine stopping, not left to the OS.
    await expect.poll(() => server!.clients.length, { timeout: 10_000 }).toBe(0);
    // The history was closed cleanly: whole lines, every event printed before the pipe closed is in it.
    expect(readFileSync(historyFile, 'utf8').endsWith('\n')).toBe(true);
    const history = openHistory({ file: historyFile, retention: { maxEntries: 1000, maxAgeDays: 30 } });
    try {
      expect(history.query({ limit: 1000 }).total).toBeGreaterThanOrEqual(3);
    } finally {
      await history.close();
    }
  });
});
