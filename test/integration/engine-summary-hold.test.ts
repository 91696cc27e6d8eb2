import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createEngine } from '../../app/core/engine';
import type { Engine, RaisedNotification } from '../../app/core/engine-types';
import { createMemoryHistory } from '../../app/core/history/memory-history';
import type { HistoryEntry } from '../../app/shared/history';
import { SettingsSchema } from '../../app/shared/settings';
import type { SettingsInput } from '../../app/shared/settings';

const servers: WebSocketServer[] = [];
let engine: Engine | undefined;
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  for (const s of servers.splice(0)) {
    for (const c of s.clients) c.terminate();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

const until = async (pred: () => boolean, what: string, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('engine: burst summaries', () => {
  it('snoozing the source during its burst records the summary instead of raising it', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    servers.push(wss);
    let connections = 0;
    wss.on('connection', () => (connections += 1));
    const input: SettingsInput = {
      version: 1,
      sources: [
        {
          id: 'lab',
          kind: 'generic-json',
          name: 'Lab',
          url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`,
        },
      ],
      rules: [{ id: 'all', name: 'Everything', action: { type: 'notify' } }],
      policy: { coalesce: { window: 1000, threshold: 2 }, dedupWindow: 0 },
    };
    const settings = SettingsSchema.parse(input);
    const e = createEngine({
      settings,
      secrets: {},
      history: createMemoryHistory({ retention: settings.history }),
    });
    engine = e;
    const entries: HistoryEntry[] = [];
    const notes: RaisedNotification[] = [];
    e.on('entry', (x) => entries.push(x));
    e.on('notification', (x) => notes.push(x));
    e.start();
    await until(() => connections === 1, 'the connection');
    for (const c of wss.clients) for (let i = 0; i < 6; i++) c.send(JSON.stringify({ type: 'ping', n: i }));
    await until(() => entries.length === 6, 'six entries');
    expect(notes).toHaveLength(2);
    // The user silences the noisy source while the burst is still open.
    e.applySettings(SettingsSchema.parse({ ...input, snoozes: { lab: Date.now() + 3_600_000 } }), {});
    await until(() => entries.some((x) => x.event.type === 'herald.summary'), 'the summary entry', 3000);
    const summary = entries.find((x) => x.event.type === 'herald.summary')!;
    expect(summary.decision.action).toBe('record');
    expect(summary.decision.reason).toMatch(/^snoozed: Lab is snoozed until .*summary of 4 notifications/);
    expect(summary.read).toBe(true);
    expect(notes).toHaveLength(2);
    expect(connections).toBe(1);
  });
});
