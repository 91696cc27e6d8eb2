import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { LegacyDockerEvent, Topic } from './world';
import { UnraidWorld } from './world';

/**
 * A fake of the legacy UMA as its WebSocket guide documents it: three per-topic sockets on one
 * port, `{type, timestamp, data}` frames, no auth, no subscribe. Stats and storage push on a timer
 * (first frame at once); Docker events are pushed as they happen.
 */

export const LEGACY_PATHS = {
  stats: '/api/v1/ws/system/stats',
  docker: '/api/v1/ws/docker/events',
  storage: '/api/v1/ws/storage/status',
} as const;
type Channel = keyof typeof LEGACY_PATHS;

export interface LegacyAgentOptions {
  world?: UnraidWorld;
  /** Stats every 5 s and storage every 30 s in the guide. */
  statsMs?: number;
  storageMs?: number;
  port?: number;
}

export class FakeLegacyAgent {
  readonly world: UnraidWorld;
  port = 0;
  /** Accepted upgrades per channel. */
  connections: Record<Channel, number> = { stats: 0, docker: 0, storage: 0 };
  private server: Server | undefined;
  private readonly wss = new WebSocketServer({ noServer: true });
  private clients = new Map<WebSocket, Channel>();
  private timers: NodeJS.Timeout[] = [];
  private readonly onDocker = (ev: LegacyDockerEvent) =>
    this.broadcast('docker', { type: 'docker_event', timestamp: now(), data: ev });
  private readonly onChange = (topic: Topic) => {
    if (topic === 'array_status_update' || topic === 'disk_list_update')
      this.broadcast('storage', this.storageFrame());
    if (topic === 'system_update') this.broadcast('stats', this.statsFrame());
  };

  constructor(private readonly opts: LegacyAgentOptions = {}) {
    this.world = opts.world ?? new UnraidWorld();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Open sockets per channel right now. */
  open(channel: Channel): number {
    return [...this.clients.values()].filter((c) => c === channel).length;
  }

  async start(): Promise<this> {
    await this.listen(this.opts.port ?? 0);
    this.world.on('docker', this.onDocker);
    this.world.on('change', this.onChange);
    this.timers.push(
      setInterval(() => this.broadcast('stats', this.statsFrame()), this.opts.statsMs ?? 5_000),
    );
    this.timers.push(
      setInterval(() => this.broadcast('storage', this.storageFrame()), this.opts.storageMs ?? 30_000),
    );
    return this;
  }

  async restart(downMs = 0): Promise<void> {
    await this.closeServer();
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    await this.listen(this.port);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.world.off('docker', this.onDocker);
    this.world.off('change', this.onChange);
    await this.closeServer();
    this.wss.close();
  }

  statsFrame() {
    const w = this.world;
    return {
      type: 'stats',
      timestamp: now(),
      data: {
        cpu_percent: w.cpuPercent,
        memory_percent: w.memoryPercent,
        memory_used: 8_589_934_592,
        memory_total: 17_179_869_184,
        uptime: 86_400,
        load_average: [0.5, 0.7, 0.9],
      },
    };
  }

  storageFrame() {
    const w = this.world;
    const disk = (d: (typeof w.disks)[number]) => ({
      name: d.name,
      device: `/dev/${d.device}`,
      status: d.spin_state === 'standby' ? 'standby' : 'active',
      temperature: d.temperature_celsius,
      size: '8TB',
      used: '4TB',
      free: '4TB',
    });
    return {
      type: 'storage_status',
      timestamp: now(),
      data: {
        array_status: w.arrayState.toLowerCase(),
        array_protection: 'protected',
        disks: w.disks.filter((d) => d.role === 'data').map(disk),
        cache_disks: w.disks.filter((d) => d.role !== 'data').map(disk),
      },
    };
  }

  private broadcast(channel: Channel, frame: unknown): void {
    const text = JSON.stringify(frame);
    for (const [ws, c] of this.clients) if (c === channel && ws.readyState === WebSocket.OPEN) ws.send(text);
  }

  private handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const channel = (Object.keys(LEGACY_PATHS) as Channel[]).find((k) => LEGACY_PATHS[k] === path);
    if (!channel) {
      socket.end(
        'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n404 page not found',
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connections[channel] += 1;
      this.clients.set(ws, channel);
      ws.on('close', () => this.clients.delete(ws));
      ws.on('error', () => this.clients.delete(ws));
      // The per-topic handlers write their first frame straight away.
      if (channel === 'stats') ws.send(JSON.stringify(this.statsFrame()));
      if (channel === 'storage') ws.send(JSON.stringify(this.storageFrame()));
    });
  }

  private listen(port: number): Promise<void> {
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/api/v1/health') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'healthy', service: 'uma', version: '2025.06.18' }));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('404 page not found');
    });
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
    for (const ws of this.clients.keys()) {
      ws.close();
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

function now(): string {
  return new Date().toISOString();
}
