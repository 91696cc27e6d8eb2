import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createEngine } from '../../app/core/engine';
import type { Engine, RaisedNotification } from '../../app/core/engine-types';
import { SettingsSchema } from '../../app/shared/settings';

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

describe('engine: a coalescing window longer than a timer can wait', () => {
  it('waits for the burst to end instead of spinning a 1 ms timer', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    servers.push(wss);
    let connections = 0;
    wss.on('connection', () => (connections += 1));
    const settings = SettingsSchema.parse({
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
      // 30 days: allowed by the schema, and beyond setTimeout's 2^31-1 ms.
      policy: { coalesce: { window: '30d', threshold: 1 }, dedupWindow: 0 },
    });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const e = createEngine({ settings, secrets: {} });
      engine = e;
      const notes: RaisedNotification[] = [];
      let entries = 0;
      e.on('notification', (n) => notes.push(n));
      e.on('entry', () => (entries += 1));
      e.start();
      await until(() => connections === 1, 'the connection');
      for (const c of wss.clients) for (let i = 0; i < 3; i++) c.send(JSON.stringify({ type: 'x', n: i }));
      await until(() => entries === 3, 'three entries');
      await new Promise((r) => setTimeout(r, 200));
      expect(notes).toHaveLength(1);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
