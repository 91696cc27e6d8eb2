import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { fileSecretsNote } from '../../app/cli/config-file-port';
import { startServe } from '../../app/cli/serve/start-serve';
import type { ServeHandle } from '../../app/cli/serve/start-serve';
import type { SettingsPort } from '../../app/core/settings/settings-port';
import { createPreviousSettings } from '../../app/core/settings';
import { createHostKernel } from '../../app/core/host/kernel';
import type { SettingsState } from '../../app/core/settings/settings-state';
import type { Engine } from '../../app/core/engine/types';
import { openHistory } from '../../app/core/history/jsonl-history';
import type { HistoryStore } from '../../app/core/history/types';
import type { HistoryEntry } from '../../app/shared/history';
import type { Secrets, Settings, SettingsInput } from '../../app/shared/settings';
import { SettingsSchema } from '../../app/shared/settings';
import { memoryPreviousSettings } from '../helpers/memory-previous-settings';

const staticDir = fileURLToPath(new URL('../../renderer-dist', import.meta.url));

export interface HeraldWorld {
  /** The address to open, token included. */
  url: string;
  serve: ServeHandle;
  engine: Engine;
  history: HistoryStore;
  /** What the host saved last (stands in for electron-store / the config file). */
  saved: { settings: Settings; secrets: Secrets };
  /** The owner of settings and secrets: change them here, as a save or an obtained token would. */
  state: SettingsState;
  /** Sends frames from the fake JSON server to every connected client. */
  push(...frames: unknown[]): void;
  /** Sends raw text frames (junk, malformed JSON) as they are. */
  pushText(...texts: string[]): void;
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
    pushText(texts: string[]) {
      for (const ws of clients) for (const text of texts) ws.send(text);
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

/** Chromium reports a CSP or Trusted Types refusal on the console (and throws for Trusted Types). */
const POLICY_REFUSAL = /Content Security Policy|Trusted ?(Type|HTML|Script)/i;

export interface HeraldOptions {
  /** `lab`: one JSON source and two rules (the default); `empty`: a first run, nothing configured. */
  heraldSettings: 'lab' | 'empty';
}

export const test = base.extend<{ herald: HeraldWorld } & HeraldOptions>({
  heraldSettings: ['lab', { option: true }],
  // Every spec also proves the strict CSP costs the page nothing: no refusal while it ran.
  page: async ({ page }, use) => {
    const refusals: string[] = [];
    // Also the refusals Chromium only reports as events (a caught `new Function`, say).
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    page.on('console', (message) => {
      if (POLICY_REFUSAL.test(message.text())) refusals.push(message.text());
    });
    page.on('pageerror', (error) => {
      if (POLICY_REFUSAL.test(error.message)) refusals.push(error.message);
    });
    await use(page);
    expect(refusals).toEqual([]);
  },
  herald: async ({ heraldSettings }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-e2e-'));
    const json = await startJsonServer();
    const settings =
      heraldSettings === 'empty' ? SettingsSchema.parse({ version: 1 }) : settingsFor(json.url);
    const saved = { settings, secrets: {} as Secrets };
    // Keeps the previous generation the way both hosts do (serve in a file, Electron in its store).
    const previous = createPreviousSettings(memoryPreviousSettings().medium);
    const settingsPort: SettingsPort = {
      load: () => saved,
      loadPrevious: () => previous.load(),
      save(settings, secrets) {
        previous.keep(saved, settings);
        saved.settings = settings;
        saved.secrets = secrets;
      },
    };
    const kernel = createHostKernel({
      port: settingsPort,
      openHistory: (retention) => openHistory({ file: join(dir, 'history.jsonl'), retention }),
      api: {
        host: 'serve',
        version: '0.1.0-e2e',
        // What `herald serve` says about a settings file that keeps no secrets.
        secretsNote: () => fileSecretsNote('herald.json', false),
      },
    });
    const { engine, history } = kernel;
    const serve = await startServe({ handlers: kernel.handlers, staticDir });
    kernel.start();
    if (heraldSettings === 'lab') await json.connected(10_000);

    const world: HeraldWorld = {
      url: serve.url,
      serve,
      engine,
      history,
      saved,
      state: kernel.state,
      push: (...frames) => json.push(frames),
      pushText: (...texts) => json.pushText(texts),
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

export { expect };
