/**
 * Run as a child process by close.test.ts: uses a socket in the given scenario, closes everything,
 * and must then exit by itself (no process.exit) — proof that close() leaves no socket or timer.
 */
import { createReconnectingSocket } from '../../../app/core/connection/reconnecting-socket';
import { startWsServer } from '../../helpers/ws-server';

const scenario = process.argv[2] ?? 'open';
const srv = await startWsServer({ onConnection: (ws) => ws.send('hello') });
let resolveText: () => void = () => undefined;
const gotText = new Promise<void>((r) => (resolveText = r));
const socket = createReconnectingSocket({
  prepare: async () => ({ url: scenario === 'refused' ? 'ws://127.0.0.1:1' : srv.url }),
  onText: () => resolveText(),
  heartbeat: { intervalMs: 100, timeoutMs: 100 },
  keepalive: { intervalMs: 50, message: () => 'ka' },
  backoff: { initialMs: 5_000, maxMs: 5_000 },
});
socket.start();
if (scenario === 'open') await gotText;
else await new Promise((r) => setTimeout(r, 300));
const state = socket.state;
await socket.close();
await srv.close();
process.stdout.write(`closed from ${state}\n`);
