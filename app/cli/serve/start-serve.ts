import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ApiHandlers } from '../../core/api/handlers';
import { allowedHosts, checkUpgrade } from './request-guard';
import { securityHeaders, serveStatic } from './static-files';
import { bindApiToSockets } from './ws-binding';

export const SERVE_SOCKET_PATH = '/api';

export interface ServeOptions {
  /** The API the page talks to (the host kernel's handlers, built with host "serve"). */
  handlers: ApiHandlers;
  /** Loopback only: the UI can change settings and secrets, so it must never face the network. */
  host?: '127.0.0.1' | '::1';
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer (`renderer-dist/`). */
  staticDir: string;
  /** Fixed token (tests); otherwise 32 random bytes. */
  token?: string;
}

export interface ServeHandle {
  /** The address to open, token included. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);

export async function startServe(opts: ServeOptions): Promise<ServeHandle> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`herald serve binds to loopback only, not ${String(host)}`);
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const api = opts.handlers;

  let hosts = new Set<string>();
  let headers: Record<string, string> = {};
  const server = createServer((req, res) => {
    if (!hosts.has(req.headers.host ?? '')) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('unexpected Host header');
    }
    serveStatic(req, res, opts.staticDir, headers).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Import text is capped at 5 000 000 characters by the contract; JSON escaping can make one character
  // six bytes (\u0001), so the frame limit allows for that and the envelope.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 32 * 1024 * 1024 });
  const unbind = bindApiToSockets(wss, api);

  server.on('upgrade', (req, socket, head) => {
    // Node drops its own error handler from an upgrading socket: a client that resets the connection
    // (say, while being refused) would otherwise throw out of the process.
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const verdict = path === SERVE_SOCKET_PATH ? checkUpgrade(req, { hosts, token }) : undefined;
    if (!verdict?.ok) {
      const status = verdict ? verdict.status : 404;
      const reason = verdict ? verdict.reason : 'not found';
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostName = host === '::1' ? '[::1]' : host;
  const origin = `http://${hostName}:${port}`;
  hosts = allowedHosts(host, port);
  headers = securityHeaders(origin);

  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    close() {
      closed ??= (async () => {
        unbind();
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((done) => wss.close(() => done()));
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
      })();
      return closed;
    },
  };
}
