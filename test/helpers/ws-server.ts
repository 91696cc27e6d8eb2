/**
 * A small real `ws` server on 127.0.0.1 for integration tests: counts upgrade attempts, can refuse them
 * with an HTTP status, can be killed and restarted on the same port, can freeze a connection (stop
 * reading: no pongs, a half-open socket as seen from the client), and speaks TLS when given a cert.
 */
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

export interface WsServerOptions {
  /** Serve wss:// with this certificate. */
  tls?: { certPem: string; keyPem: string };
  /** Return an HTTP status (401, 403, 500…) to refuse the upgrade, or undefined to accept. */
  authorize?: (req: http.IncomingMessage) => number | undefined;
  /** Called for every accepted connection (after it is recorded). */
  onConnection?: (ws: WebSocket, req: http.IncomingMessage) => void;
  /** Reuse a port (e.g. to restart "the same server" after kill); default ephemeral. */
  port?: number;
  /** Server-side maxPayload (default ws's 100 MiB). */
  maxPayload?: number;
  /** false: the server never answers pings (ws's autoPong), while frames still flow. */
  autoPong?: boolean;
  /** Handles plain HTTP requests (default: 426 Upgrade Required). */
  onRequest?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export interface TestWsServer {
  readonly port: number;
  /** ws://127.0.0.1:PORT or wss://127.0.0.1:PORT */
  readonly url: string;
  /** Upgrade requests that reached the server, accepted or refused. */
  readonly upgradeCount: number;
  /** Plain HTTP requests (non-upgrade) that reached the server. */
  readonly requestCount: number;
  /** TCP connections accepted (TLS handshakes included, even ones the client then dropped). */
  readonly tcpCount: number;
  /** Server-side sockets currently open, oldest first. */
  readonly clients: WebSocket[];
  /** Upgrade requests' headers, in order (to check credentials were or were not sent). */
  readonly upgradeHeaders: http.IncomingHttpHeaders[];
  /** Resolves with the next accepted connection (or one already waiting that was not yet taken). */
  nextConnection(timeoutMs?: number): Promise<WebSocket>;
  broadcast(text: string): void;
  /** Stop reading from this connection: pings go unanswered, like a peer that vanished. */
  freeze(ws: WebSocket): void;
  /** Abrupt death: every socket destroyed (no close frame), listener closed. */
  kill(): Promise<void>;
  /** Listen again on the same port after kill(). */
  restart(): Promise<void>;
  /** Graceful end: close frames, then the listener. Safe to call twice. */
  close(): Promise<void>;
}

export async function startWsServer(options: WsServerOptions = {}): Promise<TestWsServer> {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload,
    autoPong: options.autoPong ?? true,
  });
  const server = options.tls
    ? https.createServer({ cert: options.tls.certPem, key: options.tls.keyPem })
    : http.createServer();
  const tcp = new Set<net.Socket>();
  const rawOf = new WeakMap<WebSocket, net.Socket>();
  const clients: WebSocket[] = [];
  const untaken: WebSocket[] = [];
  const waiters: ((ws: WebSocket) => void)[] = [];
  const upgradeHeaders: http.IncomingHttpHeaders[] = [];
  let upgradeCount = 0;
  let requestCount = 0;
  let tcpCount = 0;
  let listening = false;

  server.on('connection', (socket: net.Socket) => {
    tcpCount += 1;
    tcp.add(socket);
    socket.on('close', () => tcp.delete(socket));
    socket.on('error', () => undefined);
  });
  // A TLS client that refuses our certificate resets the handshake: not an error of the test server.
  server.on('tlsClientError', () => undefined);
  server.on('request', (req, res) => {
    requestCount += 1;
    if (options.onRequest) return options.onRequest(req, res);
    res.statusCode = 426;
    res.end('upgrade required');
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    upgradeCount += 1;
    upgradeHeaders.push(req.headers);
    const refuse = options.authorize?.(req);
    if (refuse !== undefined) {
      const text = http.STATUS_CODES[refuse] ?? 'Refused';
      socket.end(`HTTP/1.1 ${refuse} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      rawOf.set(ws, socket);
      clients.push(ws);
      ws.on('close', () => clients.splice(clients.indexOf(ws), 1));
      ws.on('error', () => undefined);
      options.onConnection?.(ws, req);
      const waiter = waiters.shift();
      if (waiter) waiter(ws);
      else untaken.push(ws);
    });
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject);
        listening = true;
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
    });

  const port = await listen(options.port ?? 0);
  const url = `${options.tls ? 'wss' : 'ws'}://127.0.0.1:${port}`;

  return {
    port,
    url,
    get upgradeCount() {
      return upgradeCount;
    },
    get requestCount() {
      return requestCount;
    },
    get tcpCount() {
      return tcpCount;
    },
    get clients() {
      return [...clients];
    },
    upgradeHeaders,
    nextConnection(timeoutMs = 5_000) {
      const ready = untaken.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(onWs), 1);
          reject(new Error(`no connection within ${timeoutMs} ms`));
        }, timeoutMs);
        const onWs = (ws: WebSocket) => {
          clearTimeout(timer);
          resolve(ws);
        };
        waiters.push(onWs);
      });
    },
    broadcast(text) {
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text);
    },
    freeze(ws) {
      rawOf.get(ws)?.pause();
    },
    async kill() {
      const closed = stopListening();
      for (const s of tcp) s.destroy();
      for (const ws of clients) ws.terminate();
      untaken.length = 0;
      await closed;
    },
    async restart() {
      await listen(port);
    },
    async close() {
      for (const ws of clients) ws.terminate();
      for (const s of tcp) s.destroy();
      untaken.length = 0;
      await stopListening();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
