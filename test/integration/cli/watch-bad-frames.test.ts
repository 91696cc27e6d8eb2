import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runWatch, writeConfig } from '../../helpers/herald-cli';
import type { WatchRun } from '../../helpers/herald-cli';
import { startScriptedWsServer } from '../../helpers/scripted-ws-server';
import type { ScriptedWsServer } from '../../helpers/scripted-ws-server';

const ESC = '\x1b';
const DEEP =
  '{"event":"deep","id":"d1","text":"deep","nested":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';

const config = (url: string) => ({
  version: 1,
  sources: [
    {
      id: 'lab',
      kind: 'generic-json',
      name: 'Lab',
      url,
      options: { typePath: 'event', idPath: 'id', entityNamePath: 'device', body: '{{raw.text}}' },
    },
  ],
  rules: [
    {
      id: 'alarm',
      name: 'Alarm',
      types: ['json.alarm'],
      action: { type: 'notify', title: '{{raw.title}}' },
    },
  ],
  quietHours: { enabled: false },
});

let run: WatchRun | undefined;
let server: ScriptedWsServer | undefined;
afterEach(async () => {
  await run?.stop();
  await server?.close();
  run = undefined;
  server = undefined;
});

describe('herald watch shows bad frames and clean text', { timeout: 60_000 }, () => {
  it('malformed, binary and 100 000-deep frames become counted status lines with reasons; nothing else is lost', async () => {
    server = await startScriptedWsServer((socket) => {
      socket.send('this is not JSON');
      for (let i = 0; i < 200; i++) socket.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]), { binary: true });
      socket.send(DEEP);
      socket.send(
        JSON.stringify({
          event: 'alarm',
          id: 'a1',
          device: `Hall${ESC}[8m`,
          title: `${ESC}[5;31mSmoke\u202e in hall${ESC}[0m`,
          text: `Detector 3${ESC}]8;;http://evil.example/${ESC}\\ (details)${ESC}]8;;${ESC}\\\r\nEvacuate\x07`,
        }),
      );
      socket.send(JSON.stringify({ event: 'after', id: 'a2', text: 'still here' }));
    });
    const dir = mkdtempSync(join(tmpdir(), 'herald-bad-frames-'));
    run = runWatch(writeConfig(config(server.url)), ['--raw', '--history', join(dir, 'history.jsonl')]);

    const first = await run.waitForLine((l) => l.kind === 'status' && l.badFrames !== undefined);
    expect(first).toMatchObject({
      source: 'lab',
      state: 'open',
      badFrames: { count: 1, total: 1, reason: expect.stringContaining('not JSON: this is not JSON') },
    });
    await run.waitForLine((l) => l.kind === 'event' && l.type === 'json.after');
    const notification = await run.waitForLine((l) => l.kind === 'notification');
    expect(notification).toMatchObject({ title: 'Smoke in hall', body: 'Detector 3 (details)\nEvacuate' });
    const alarm = run.events().find((e) => e.type === 'json.alarm')!;
    expect(alarm).toMatchObject({ entity: 'Hall', body: 'Detector 3 (details)\nEvacuate' });

    // The others arrived within the report interval: they are summed up (at the latest on exit), not
    // printed one line each.
    expect(await run.stop()).toBe(0);
    const badLines = run.lines.filter((l) => l.kind === 'status' && l.badFrames !== undefined);
    expect(badLines.length).toBeLessThanOrEqual(3);
    expect(badLines.reduce((sum, l) => sum + l.badFrames.count, 0)).toBe(202);
    expect(badLines.at(-1)!.badFrames).toEqual({
      count: expect.any(Number),
      total: 202,
      reason: 'nested deeper than 256 levels',
    });
    // No bare repeated "open" lines: one per real change.
    const plain = run.lines.filter((l) => l.kind === 'status' && l.badFrames === undefined);
    expect(plain.map((l) => l.state)).toEqual(['connecting', 'open']);
    // The deep frame is not an event; the events around it all are.
    expect(run.events().map((e) => e.type)).toEqual(['json.alarm', 'json.after']);
    expect(run.stderr()).toBe('');
  });
});
