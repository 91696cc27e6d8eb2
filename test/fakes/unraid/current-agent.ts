import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Topic } from './world';
import { UnraidWorld } from './world';

/**
 * A fake of ruaan-deysel/unraid-management-agent: REST under /api/v1 and one WebSocket at
 * /api/v1/ws with the `{"subscribe": [...]}` filter, per-topic cadence, server pings with a read
 * deadline (clients that do not answer are evicted), optional Bearer token, Origin check.
 */

export const DEFAULT_INTERVALS: Record<Topic, number> = {
  system_update: 15_000,
  array_status_update: 60_000,
  disk_list_update: 300_000,
  container_list_update: 30_000,
  vm_list_update: 60_000,
  ups_status_update: 60_000,
  notifications_update: 30_000,
  source_status_changed: 0, // on transitions only
};

/** fsnotify on var.ini / disks.ini / the notification dirs publishes these at once. */
const IMMEDIATE: ReadonlySet<Topic> = new Set([
  'array_status_update',
  'disk_list_update',
  'notifications_update',
]);

export interface CurrentAgentOptions {
  world?: UnraidWorld;
  /** Require `Authorization: Bearer <token>` everywhere but /api/v1/health. */
  token?: string;
  /** Per-topic publish intervals in ms (0 disables); tests use short ones. */
  intervals?: Partial<Record<Topic, number>>;
  /** WSPingInterval (30 s) and the read deadline extended by each pong (60 s). */
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  /** Agents before v2026.03.00 call every frame "update". */
  envelope?: 'topic' | 'update';
  port?: number;
}

interface Client {
  ws: WebSocket;
  filter: Set<string> | null;
  lastPong: number;
}

export class FakeCurrentAgent {
  readonly world: UnraidWorld;
  port = 0;
  /** Upgrades accepted, in order. */
  connections = 0;
  /** Upgrades refused with 401. */
  unauthorized = 0;
  /** Every subscribe list received, in order (null = "all topics"). */
  subscriptions: Array<string[] | null> = [];
  evictions = 0;
  restRequests: string[] = [];
  private server: Server | undefined;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private clients = new Set<Client>();
  private timers: NodeJS.Timeout[] = [];
  private readonly onChange = (topic: Topic) => {
    if (IMMEDIATE.has(topic)) this.publish(topic);
  };

  constructor(private readonly opts: CurrentAgentOptions = {}) {
    this.world = opts.world ?? new UnraidWorld();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  async start(): Promise<this> {
    await this.listen(this.opts.port ?? 0);
    this.world.on('change', this.onChange);
    const intervals = { ...DEFAULT_INTERVALS, ...this.opts.intervals };
    for (const [topic, ms] of Object.entries(intervals) as Array<[Topic, number]>) {
      if (ms > 0) this.timers.push(setInterval(() => this.publish(topic), ms));
    }
    const pingMs = this.opts.pingIntervalMs ?? 30_000;
    this.timers.push(setInterval(() => this.pingAll(), pingMs));
    return this;
  }

  /** Sends the current state of a topic to every subscribed client now. */
  publish(topic: Topic): void {
    const event = this.opts.envelope === 'update' ? 'update' : topic;
    const text = JSON.stringify({ event, timestamp: goTimestamp(), data: this.world.payload(topic) });
    for (const c of this.clients) {
      if (c.filter && !c.filter.has(topic)) continue;
      if (c.ws.readyState === WebSocket.OPEN) c.ws.send(text);
    }
  }

  /** The agent restarts: clients get a close frame, the port goes quiet for `downMs`, then listens again. */
  async restart(downMs = 0): Promise<void> {
    await this.closeServer();
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    await this.listen(this.port);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.world.off('change', this.onChange);
    await this.closeServer();
    this.wss.close();
  }

  private pingAll(): void {
    const deadline = this.opts.pongTimeoutMs ?? 60_000;
    const now = Date.now();
    for (const c of this.clients) {
      if (now - c.lastPong > deadline) {
        // Gorilla's read deadline expired: the connection is dropped without a close frame.
        this.evictions += 1;
        this.clients.delete(c);
        c.ws.terminate();
      } else if (c.ws.readyState === WebSocket.OPEN) {
        c.ws.ping();
      }
    }
  }

  private authorised(req: IncomingMessage): boolean {
    return !this.opts.token || req.headers.authorization === `Bearer ${this.opts.token}`;
  }

  private handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.restRequests.push(path);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (path === '/api/v1/health') return send(200, { status: 'ok', version: '2026.08.01' });
    if (!this.authorised(req)) {
      return send(
        401,
        { error: 'Unauthorized' },
        { 'www-authenticate': 'Bearer realm="unraid-management-agent"' },
      );
    }
    const w = this.world;
    const routes: Record<string, () => unknown> = {
      '/api/v1/system': () => w.system(),
      '/api/v1/array': () => w.array(),
      '/api/v1/disks': () => w.payload('disk_list_update'),
      '/api/v1/docker': () => w.containerList(),
      '/api/v1/vm': () => [],
      '/api/v1/ups': () => w.payload('ups_status_update'),
      '/api/v1/notifications': () => w.notificationList(),
      '/api/v1/settings/disk-thresholds': () => ({ ...w.thresholds, timestamp: new Date().toISOString() }),
      '/api/v1/array/parity-check/history': () => ({ records: w.parityHistory }),
    };
    const route = routes[path];
    if (route) return send(200, route());
    send(404, { error: 'Not Found' });
  }

  private handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: number, text: string, extra = '') => {
      socket.end(
        `HTTP/1.1 ${status} ${text}\r\n${extra}Content-Type: application/json\r\nConnection: close\r\n\r\n{"error":"${text}"}`,
      );
    };
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/api/v1/ws') return refuse(404, 'Not Found');
    if (!this.authorised(req)) {
      this.unauthorized += 1;
      return refuse(401, 'Unauthorized', 'WWW-Authenticate: Bearer realm="unraid-management-agent"\r\n');
    }
    // CheckOrigin: no Origin is a non-browser client (fine); a browser's must match the Host.
    const origin = req.headers.origin;
    if (origin && new URL(origin).host !== req.headers.host) return refuse(403, 'Forbidden');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connections += 1;
      const client: Client = { ws, filter: null, lastPong: Date.now() };
      this.clients.add(client);
      ws.on('pong', () => (client.lastPong = Date.now()));
      ws.on('message', (data) => {
        // Only {"subscribe": [...]} is understood; anything else is ignored without a reply.
        try {
          const msg = JSON.parse(String(data)) as { subscribe?: unknown };
          if (!('subscribe' in msg)) return;
          const list = Array.isArray(msg.subscribe)
            ? msg.subscribe.filter((t): t is string => typeof t === 'string')
            : [];
          this.subscriptions.push(list.length > 0 ? list : null);
          client.filter = list.length > 0 ? new Set(list) : null;
        } catch {
          // not JSON: ignored, as the agent does
        }
      });
      ws.on('close', () => this.clients.delete(client));
      ws.on('error', () => this.clients.delete(client));
    });
  }

  private listen(port: number): Promise<void> {
    const server = createServer((req, res) => this.handleRequest(req, res));
    server.on('upgrade', (req, socket, head) => this.handleUpgrade(req, socket, head));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const addr = server.address();
        if (addr && typeof addr === 'object') this.port = addr.port;
        resolve();
      });
    });
  }

  private async closeServer(): Promise<void> {
    for (const c of this.clients) {
      c.ws.close(); // an empty close frame, as the hub sends on shutdown
      const ws = c.ws;
      setTimeout(() => ws.terminate(), 200).unref();
    }
    this.clients.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

/** Go's RFC3339Nano with nanoseconds, like the agent's envelope timestamp. */
function goTimestamp(): string {
  return new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1123456Z');
}
