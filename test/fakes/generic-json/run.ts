/**
 * A demo JSON push server for trying `herald watch --config examples/generic-json.json`:
 *   npx tsx test/fakes/generic-json/run.ts      (listens on 127.0.0.1:8765, or PORT)
 * Every few seconds it pushes one message of a small scripted day: doors, heartbeats, a smoke alarm.
 */
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 8765);
const script = [
  { event: 'heartbeat' },
  { event: 'door', device: 'Front door', state: 'open', text: 'Opened with a key' },
  { event: 'door', device: 'Front door', state: 'closed', text: 'Closed' },
  { event: 'heartbeat' },
  { event: 'smoke', device: 'Hallway', level: 'critical', text: 'Smoke detected' },
  { event: 'backup', device: 'NAS', level: 'warning', text: 'Backup finished with 2 errors' },
];

const wss = new WebSocketServer({ host: '127.0.0.1', port });
let n = 0;
wss.on('connection', (socket) => {
  socket.on('message', (data) => console.log(`client says: ${String(data)}`));
});
const timer = setInterval(() => {
  const message = { ...script[n % script.length], id: String(n + 1), time: new Date().toISOString() };
  n += 1;
  for (const client of wss.clients) client.send(JSON.stringify(message));
  console.log(`pushed ${JSON.stringify(message)}`);
}, 3000);
console.log(`demo JSON WebSocket on ws://127.0.0.1:${port}/events (Ctrl+C to stop)`);
process.on('SIGINT', () => {
  clearInterval(timer);
  wss.close();
  process.exit(0);
});
