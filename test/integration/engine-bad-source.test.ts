import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createEngine } from '../../app/core/engine';
import type { Engine } from '../../app/core/engine-types';
import { SettingsSchema } from '../../app/shared/settings';
import type { SourceStatus } from '../../app/shared/source-status';

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

describe('engine: a source that cannot even start', () => {
  it('a URL typed without its scheme stops that source with a reason; the others start', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    servers.push(wss);
    let connections = 0;
    wss.on('connection', () => (connections += 1));
    const lab = {
      id: 'lab',
      kind: 'generic-json',
      name: 'Lab',
      url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`,
    };
    // "192.168.1.20:8096" is how many people type a server's address.
    const emby = { id: 'emby', kind: 'emby', name: 'Emby', url: '192.168.1.20:8096' };
    const e = createEngine({
      settings: SettingsSchema.parse({ version: 1, sources: [emby, lab] }),
      secrets: {},
    });
    engine = e;
    const statuses: SourceStatus[] = [];
    e.on('status', (s) => statuses.push(s));
    expect(() => e.start()).not.toThrow();
    await until(() => connections === 1, 'the lab source to connect');
    const bad = e.statuses().find((s) => s.sourceId === 'emby');
    expect(bad).toMatchObject({ state: 'stopped' });
    expect(bad?.lastError).toMatch(/invalid URL/i);
    expect(statuses.some((s) => s.sourceId === 'emby' && s.state === 'stopped')).toBe(true);

    // The same through a settings change, and resume() does not throw either.
    expect(() =>
      e.applySettings(
        SettingsSchema.parse({ version: 1, sources: [lab, { ...emby, url: 'emby.local:8096' }] }),
        {},
      ),
    ).not.toThrow();
    expect(() => e.resume()).not.toThrow();
    expect(e.statuses().find((s) => s.sourceId === 'emby')).toMatchObject({ state: 'stopped' });
  });
});
