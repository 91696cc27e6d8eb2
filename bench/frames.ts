import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import { createReconnectingSocket } from '../app/core/connection/reconnecting-socket';

export interface FramesBenchResult {
  name: string;
  frames: number;
  payloadBytes: number;
  /** Frames per second received by a bare `ws` client (the baseline), best of `rounds`. */
  baselinePerSecond: number;
  /** Frames per second through createReconnectingSocket → onText, best of `rounds`. */
  socketPerSecond: number;
  /** socketPerSecond / baselinePerSecond: 1.0 means no overhead; higher is better. */
  ratio: number;
}

export interface FramesBenchOptions {
  frames?: number;
  payloadBytes?: number;
  rounds?: number;
  /** Each measured burst must finish within this (default 30 s). */
  timeoutMs?: number;
}

/**
 * Loopback burst: on "go" the server sends `frames` text frames as fast as ws allows; we time from
 * "go" to the last frame received. Both clients run in this process against the same server, so the
 * ratio shows the socket's own per-frame cost (liveness stamp, stale check, handler guard).
 */
export async function benchFrames(options: FramesBenchOptions = {}): Promise<FramesBenchResult> {
  const frames = options.frames ?? 5_000;
  const payloadBytes = options.payloadBytes ?? 256;
  const rounds = options.rounds ?? 3;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const payload = JSON.stringify({ type: 'bench', pad: 'x'.repeat(Math.max(0, payloadBytes - 26)) });

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (ws) => {
    ws.on('message', () => {
      for (let i = 0; i < frames; i += 1) ws.send(payload);
    });
  });
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;

  const timed = (start: () => void, onDone: (finish: () => void) => void) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`burst of ${frames} frames took over ${timeoutMs} ms`)),
        timeoutMs,
      );
      let t0 = 0;
      onDone(() => {
        clearTimeout(timer);
        resolve(performance.now() - t0);
      });
      t0 = performance.now();
      start();
    });

  const baselineRound = async () => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let received = 0;
    const ms = await timed(
      () => ws.send('go'),
      (finish) =>
        ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
          // The same minimum work a consumer does: get the text.
          if (!isBinary && data.toString().length > 0) received += 1;
          if (received === frames) finish();
        }),
    );
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
    });
    return ms;
  };

  const socketRound = async () => {
    let received = 0;
    let finish: () => void = () => undefined;
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const socket = createReconnectingSocket({
      prepare: async () => ({ url }),
      onOpen: () => opened(),
      onText: (text) => {
        if (text.length > 0) received += 1;
        if (received === frames) finish();
      },
    });
    socket.start();
    await open;
    const ms = await timed(
      () => socket.send('go'),
      (done) => (finish = done),
    );
    await socket.close();
    return ms;
  };

  try {
    // Warm-up of both paths so the JIT settles before timing.
    await baselineRound();
    await socketRound();
    let baselineMs = Infinity;
    let socketMs = Infinity;
    for (let r = 0; r < rounds; r += 1) {
      baselineMs = Math.min(baselineMs, await baselineRound());
      socketMs = Math.min(socketMs, await socketRound());
    }
    const baselinePerSecond = frames / (baselineMs / 1000);
    const socketPerSecond = frames / (socketMs / 1000);
    return {
      name: `frames: ${frames} × ${payloadBytes} B text frames over loopback, reconnecting socket vs bare ws`,
      frames,
      payloadBytes,
      baselinePerSecond,
      socketPerSecond,
      ratio: socketPerSecond / baselinePerSecond,
    };
  } finally {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchFrames(), null, 2));
}
