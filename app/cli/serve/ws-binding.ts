import type { WebSocket, WebSocketServer } from 'ws';
import type { ApiHandlers } from '../../core/api/handlers';
import type { WireResponse } from '../../shared/api';

const MAX_IN_FLIGHT = 64;

function reply(socket: WebSocket, response: WireResponse): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(response));
}

function readFrame(data: unknown): { id: number | null; channel: unknown; request: unknown } | string {
  let frame: unknown;
  try {
    frame = JSON.parse(String(data));
  } catch {
    return 'frame is not JSON';
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return 'frame is not an object';
  const { id, channel, request } = frame as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return 'frame has no numeric id';
  return { id, channel, request };
}

/**
 * Carries the API over a WebSocket: `{id, channel, request}` in, `{id, result}` out, `{push, payload}`
 * to every client. The same request/result pairs Electron's IPC carries.
 */
export function bindApiToSockets(wss: WebSocketServer, api: ApiHandlers): () => void {
  const offPush = api.onPush((channel, payload) => {
    const text = JSON.stringify({ push: channel, payload });
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  const onConnection = (socket: WebSocket) => {
    let inFlight = 0;
    socket.on('error', () => socket.terminate());
    socket.on('message', (data, isBinary) => {
      if (isBinary) return reply(socket, badFrame(null, 'binary frames are not accepted'));
      const frame = readFrame(data);
      if (typeof frame === 'string') return reply(socket, badFrame(null, frame));
      if (inFlight >= MAX_IN_FLIGHT) return reply(socket, badFrame(frame.id, 'too many requests in flight'));
      inFlight += 1;
      void api
        .handle(frame.channel, frame.request)
        .then((result) => reply(socket, { id: frame.id, result }))
        .finally(() => {
          inFlight -= 1;
        });
    });
  };
  wss.on('connection', onConnection);
  return () => {
    offPush();
    wss.off('connection', onConnection);
  };
}

function badFrame(id: number | null, message: string): WireResponse {
  return { id, result: { ok: false, error: { code: 'bad-request', message } } };
}
