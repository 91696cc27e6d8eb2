import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeConfig } from '../../helpers/herald-cli';
import { ensureWebUi, startServeCli } from '../../helpers/herald-serve';
import type { ServeRun } from '../../helpers/herald-serve';

let run: ServeRun | undefined;
let removeWebUi: () => void = () => {};
beforeAll(() => {
  removeWebUi = ensureWebUi();
});
afterAll(() => removeWebUi());
afterEach(() => {
  run?.kill();
  run = undefined;
});

/** A refused upgrade (wrong token) whose client resets the connection instead of reading the answer. */
function refusedAndReset(port: number, origin: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `GET /api?token=wrong HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\n` +
          'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
          'Sec-WebSocket-Version: 13\r\n\r\n',
      );
      socket.resetAndDestroy();
      resolve();
    });
    socket.on('error', () => resolve());
  });
}

describe('herald serve and clients that reset refused upgrades', () => {
  it('keeps running and serving the page', async () => {
    run = await startServeCli(writeConfig({ version: 1, sources: [] }));
    const port = Number(run.url.port);
    for (let i = 0; i < 200; i++) await refusedAndReset(port, run.url.origin);
    expect(await run.exitedWithin(500)).toBe('running');
    expect(await run.call('app:info')).toMatchObject({ ok: true, value: { host: 'serve' } });
  });
});
