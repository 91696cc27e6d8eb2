/**
 * A protocol-faithful fake deCONZ gateway on 127.0.0.1 (docs/protocols/deconz.md): the REST API with
 * link-button pairing (error 101 until unlocked) and key revocation (error 1; only the public config on
 * `/config`, as the real one answers an unknown key there), and the push WebSocket
 * either on its own port (deCONZ ≤ 2.31) or on the REST port (2.32+). Like the real gateway it never
 * pings, needs no key on the socket, and keeps no buffer: what happens while a client is away is lost.
 * The scenario methods are in scenario.ts; this file is the transport.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { GatewayData, Kind, Values } from './gateway-state';
import { findResource, loadGatewayData, sorted } from './gateway-state';

export interface FakeDeconzOptions {
  /** `separate`: a dedicated WebSocket port (≤ 2.31); `single`: WebSocket on the REST port (2.32+). */
  layout?: 'separate' | 'single';
  /** Start locked: `POST /api` answers 101 until unlock(). Default true. */
  locked?: boolean;
  /** Keys that work from the start. */
  apiKeys?: string[];
  /** The gateway's `websocketnotifyall` (default true: whole sub-objects on every push). */
  notifyAll?: boolean;
  /** Fixed ports, for the human demo only; tests use ephemeral ports. */
  restPort?: number;
  wsPort?: number;
}

export interface RequestRecord {
  method: string;
  /** The path with any API key replaced by `<key>`. */
  path: string;
  status: number;
}

const KINDS: Kind[] = ['sensors', 'lights', 'groups', 'alarmsystems'];

export class FakeDeconzServer {
  readonly data: GatewayData = loadGatewayData();
  readonly layout: 'separate' | 'single';
  notifyAll: boolean;
  locked: boolean;
  readonly keys = new Set<string>();
  readonly requests: RequestRecord[] = [];
  /** Protocol pings received from clients (the gateway only answers them). */
  pings = 0;
  /** WebSocket connections accepted since start. */
  connections = 0;
  /** Runs after each REST answer: lets a scenario act at an exact point (revoke right after /config). */
  afterRequest?: (req: RequestRecord) => void;
  /** Answer every REST request this much later: a slow gateway (a Pi with a large network). */
  restDelayMs = 0;

  private restServer?: http.Server;
  private wsHttpServer?: http.Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<Duplex>();
  private readonly rawSockets = new WeakMap<WebSocket, Duplex>();
  private restPortValue = 0;
  private wsPortValue = 0;
  private keyCounter = 0;

  constructor(private readonly opts: FakeDeconzOptions = {}) {
    this.layout = opts.layout ?? 'separate';
    this.notifyAll = opts.notifyAll ?? true;
    this.locked = opts.locked ?? true;
    for (const key of opts.apiKeys ?? []) this.keys.add(key);
    this.wss.on('connection', (ws, req: http.IncomingMessage) => {
      this.connections += 1;
      this.rawSockets.set(ws, req.socket);
      ws.on('ping', () => {
        this.pings += 1;
      });
      // deCONZ ignores whatever clients send.
      ws.on('message', () => {});
    });
  }

  get restPort(): number {
    return this.restPortValue;
  }

  /** What `/config` reports as `websocketport`. */
  get wsPort(): number {
    return this.layout === 'single' ? this.restPortValue : this.wsPortValue;
  }

  get url(): string {
    return `http://127.0.0.1:${this.restPortValue}`;
  }

  get clients(): WebSocket[] {
    return [...this.wss.clients].filter((c) => c.readyState === c.OPEN);
  }

  async start(restPort = this.opts.restPort ?? 0, wsPort = this.opts.wsPort ?? 0): Promise<void> {
    this.restServer = http.createServer((req, res) => this.handleRest(req, res));
    this.track(this.restServer);
    this.restServer.on('upgrade', (req, socket, head) => {
      if (this.layout === 'single')
        this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
      else socket.destroy();
    });
    this.restPortValue = await listen(this.restServer, restPort);
    if (this.layout === 'separate') {
      this.wsHttpServer = http.createServer((_req, res) => {
        res.writeHead(426).end();
      });
      this.track(this.wsHttpServer);
      this.wsHttpServer.on('upgrade', (req, socket, head) =>
        this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req)),
      );
      this.wsPortValue = await listen(this.wsHttpServer, wsPort);
    }
  }

  /** Everything closed: sockets cut (no close frame, as when the process dies), listeners closed. */
  async stop(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await Promise.all([close(this.restServer), close(this.wsHttpServer)]);
    this.restServer = undefined;
    this.wsHttpServer = undefined;
  }

  async close(): Promise<void> {
    await this.stop();
    this.wss.close();
  }

  /** Stop reading from every client: pings go unanswered, like a gateway that hung or a dead link. */
  freezeClients(): void {
    for (const client of this.clients) this.rawSockets.get(client)?.pause();
  }

  /** Push one frame to every connected client, keys sorted as deCONZ does. */
  push(frame: Values): void {
    const text = JSON.stringify(sorted(frame));
    for (const client of this.clients) client.send(text);
  }

  /** Push raw text (bad frames, junk). */
  pushText(text: string): void {
    for (const client of this.clients) client.send(text);
  }

  newKey(): string {
    this.keyCounter += 1;
    const key = `${(0x988112a4e0 + this.keyCounter).toString(16).toUpperCase()}`;
    this.keys.add(key);
    return key;
  }

  private track(server: http.Server) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  private handleRest(req: http.IncomingMessage, res: http.ServerResponse) {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      if (this.restDelayMs > 0) setTimeout(() => this.answerRest(req, res, body), this.restDelayMs);
      else this.answerRest(req, res, body);
    });
  }

  private answerRest(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const path = (req.url ?? '/').split('?')[0]!;
    const [status, answer] = this.route(req.method ?? 'GET', path, body);
    const parts = path.split('/');
    if (parts[2] && this.keys.has(decodeURIComponent(parts[2]))) parts[2] = '<key>';
    const record = { method: req.method ?? 'GET', path: parts.join('/'), status };
    this.requests.push(record);
    const text = JSON.stringify(answer);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
    this.afterRequest?.(record);
  }

  private route(method: string, path: string, body: string): [number, unknown] {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'api') return [404, error(4, path, 'method not available')];
    if (parts.length === 1 && method === 'POST') return this.createKey(body);
    if (parts.length === 2 && parts[1] === 'config') return [200, this.data.basicConfig];
    const key = parts[1] ?? '';
    // `GET /api/<unknown key>/config` is not an error on a real gateway: 200 with the public subset
    // (handleConfigBasicApi → getBasicConfig), no websocketport, no whitelist. Everything else is error 1.
    if (!this.keys.has(key) && method === 'GET' && parts.length === 3 && parts[2] === 'config')
      return [200, this.data.basicConfig];
    if (!this.keys.has(key)) return [403, error(1, `/${parts.slice(2).join('/')}`, 'unauthorized user')];
    if (method !== 'GET') return [405, error(4, path, 'method not available for resource')];
    const [r, id] = [parts[2], parts[3]];
    if (r === undefined) return [200, this.fullState()];
    if (r === 'config') return [200, this.configMap()];
    if (!KINDS.includes(r as Kind)) return [404, error(3, `/${r}`, `resource, /${r}, not available`)];
    if (id === undefined) return [200, this.data[r as Kind]];
    if (r === 'groups' && id === '0') return [200, this.data.group0];
    const found = findResource(this.data, r as Kind, id);
    return found ? [200, found] : [404, error(3, `/${r}/${id}`, `resource, /${r}/${id}, not available`)];
  }

  private createKey(body: string): [number, unknown] {
    let devicetype: unknown;
    try {
      devicetype = (JSON.parse(body) as Values).devicetype;
    } catch {
      return [400, error(2, '/', 'body contains invalid JSON')];
    }
    if (typeof devicetype !== 'string' || devicetype.length > 40) {
      return [400, error(7, '/devicetype', 'invalid value for parameter, devicetype')];
    }
    if (this.locked) return [403, error(101, '/', 'link button not pressed')];
    return [200, [{ success: { username: this.newKey() } }]];
  }

  private configMap(): Values {
    const config: Values = {
      ...this.data.config,
      websocketport: this.wsPort,
      websocketnotifyall: this.notifyAll,
    };
    if (this.layout === 'single') {
      config.websocketport_wss = 443;
      config.swversion = '2.32.2';
    }
    return config;
  }

  private fullState(): Values {
    return {
      config: this.configMap(),
      sensors: this.data.sensors,
      lights: this.data.lights,
      groups: this.data.groups,
      alarmsystems: this.data.alarmsystems,
      scenes: {},
      rules: {},
      schedules: {},
      resourcelinks: {},
    };
  }
}

function error(type: number, address: string, description: string): unknown[] {
  return [{ error: { type, address, description } }];
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: http.Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
