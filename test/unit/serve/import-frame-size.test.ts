import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServe } from '../../../app/cli/serve/start-serve';
import { API } from '../../../app/shared/api';
import type { WireResponse } from '../../../app/shared/api';
import { fakeEngine, memoryHistory, memorySettings, serveHandlers, settingsWithSource } from './fakes';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('serve: an import as large as the contract allows', () => {
  it('is answered, even when JSON escaping makes its frame several times its text', async () => {
    const handle = await startServe({
      handlers: serveHandlers(fakeEngine().engine, memoryHistory(), memorySettings(settingsWithSource())),
      staticDir: '/nonexistent',
    });
    cleanups.push(() => handle.close());
    const ws = new WebSocket(`${handle.origin.replace('http', 'ws')}/api?token=${handle.token}`, {
      origin: handle.origin,
    });
    cleanups.push(() => ws.terminate());
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));

    // 4.9 million control characters: within the 5 000 000-character limit, ~29 MB as a JSON frame.
    const text = '\u0001'.repeat(4_900_000);
    const answer = new Promise<WireResponse | string>((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(String(data)) as WireResponse));
      ws.once('close', (code) => resolve(`closed ${code}`));
    });
    ws.send(JSON.stringify({ id: 1, channel: API.settingsImport, request: { text } }));
    const result = await answer;
    expect(result).toMatchObject({ id: 1, result: { ok: true, value: { ok: false } } });
  });
});
