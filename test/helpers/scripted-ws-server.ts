import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

export interface ScriptedWsServer {
  /** `ws://127.0.0.1:<port>/events` */
  url: string;
  close(): Promise<void>;
}

/** A loopback WebSocket server that runs `script` on every client as soon as it connects. */
export async function startScriptedWsServer(script: (socket: WebSocket) => void): Promise<ScriptedWsServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', script);
  const port = (wss.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${port}/events`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
