import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { startServe } from '../../app/cli/serve/start-serve';
import type { ServeHandle } from '../../app/cli/serve/start-serve';
import type { SettingsPort } from '../../app/core/settings/settings-port';
import { createHostKernel } from '../../app/core/host/kernel';
import type { Engine } from '../../app/core/engine/types';
import { openHistory } from '../../app/core/history/jsonl-history';
import type { HistoryStore } from '../../app/core/history/types';
import type { HistoryEntry } from '../../app/shared/history';
import type { Secrets, Settings, SettingsInput } from '../../app/shared/settings';
import { SettingsSchema } from '../../app/shared/settings';

const staticDir = fileURLToPath(new URL('../../renderer-dist', import.meta.url));

export interface HeraldWorld {
  /** The address to open, token included. */
  url: string;
  serve: ServeHandle;
  engine: Engine;
  history: HistoryStore;
  /** What the host saved last (stands in for electron-store / the config file). */
  saved: { settings: Settings; secrets: Secrets };
  /** Sends frames from the fake JSON server to every connected client. */
  push(...frames: unknown[]): void;
  /** Resolves once the history holds at least `count` entries. */
  waitForEntries(count: number, timeoutMs?: number): Promise<HistoryEntry[]>;
}

function settingsFor(url: string): Settings {
  const input: SettingsInput = {
    version: 1,
    sources: [
      {
        id: 'lab',
        kind: 'generic-json',
        name: 'Lab server',
        url,
        options: {
          typePath: 'type',
          typePrefix: 'lab',
          idPath: 'id',
          severityPath: 'level',
          entityNamePath: 'host',
          urlPath: 'link',
          title: '{{raw.title}}',
          body: '{{raw.message}}',
        },
      },
    ],
    rules: [
      {
        id: 'disk-alerts',
        name: 'Disk alerts',
        types: ['lab.disk.*'],
        action: { type: 'notify' },
      },
      { id: 'mute-backups', name: 'Quiet backups', types: ['lab.backup.*'], action: { type: 'record' } },
    ],
  };
  return SettingsSchema.parse(input);
}

async function startJsonServer() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const clients = new Set<WebSocket>();
  let onClient: (() => void) | undefined;
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    onClient?.();
  });
  const address = wss.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}/events`,
    push(frames: unknown[]) {
      for (const ws of clients) for (const frame of frames) ws.send(JSON.stringify(frame));
    },
    connected(timeoutMs: number) {
      if (clients.size > 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the engine never connected to the JSON server')),
          timeoutMs,
        );
        onClient = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}

export const test = base.extend<{ herald: HeraldWorld }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  herald: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-e2e-'));
    const json = await startJsonServer();
    const saved = { settings: settingsFor(json.url), secrets: {} as Secrets };
    const settingsPort: SettingsPort = {
      load: () => saved,
      save(settings, secrets) {
        saved.settings = settings;
        saved.secrets = secrets;
      },
    };
    const kernel = createHostKernel({
      port: settingsPort,
      openHistory: (retention) => openHistory({ file: join(dir, 'history.jsonl'), retention }),
      api: { host: 'serve', version: '0.1.0-e2e' },
    });
    const { engine, history } = kernel;
    const serve = await startServe({ handlers: kernel.handlers, staticDir });
    kernel.start();
    await json.connected(10_000);

    const world: HeraldWorld = {
      url: serve.url,
      serve,
      engine,
      history,
      saved,
      push: (...frames) => json.push(frames),
      async waitForEntries(count, timeoutMs = 5_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const page = history.query({ limit: 1000 });
          if (page.total >= count) return page.entries;
          if (Date.now() > deadline) throw new Error(`history has ${page.total} entries, expected ${count}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
    };
    await use(world);

    await serve.close();
    await kernel.close();
    await json.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
