import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { handleApi } from './fake-api';
import { FakeAuth, type AuthMode, type AuthOutcome, type FakeUser } from './fake-auth';
import { CometHub, type Message } from './fake-comet';
import { FakeScenario } from './fake-scenario';
import { FakeState } from './fake-state';

/**
 * A protocol-faithful Tvheadend on 127.0.0.1 (see docs/protocols/tvheadend.md): Digest auth on every
 * request, `/comet/ws` that always answers `tvheadend-comet`, mailboxes with boxid reuse, batched frames,
 * no pings, no close frame on shutdown, and the HTTP API the notifier reads. `scenario` drives the state.
 */

export interface FakeTvheadendOptions {
  port?: number;
  users?: FakeUser[];
  authMode?: AuthMode;
  digestAlgo?: 'MD5' | 'SHA-256';
  /** Mailbox flush window; the real server uses 1000 ms. */
  batchMs?: number;
  /** diskspaceUpdate period; the real server uses 15 s. */
  diskIntervalMs?: number;
  mailboxTtlMs?: number;
  /** `--http_root`, e.g. "/tvh". */
  httpRoot?: string;
  /** Behave like 4.2.x, which has no /comet/ws. */
  noWebsocket?: boolean;
  /**
   * An access entry with username `*` (anonymous access, common on home LANs): requests without an
   * `Authorization` header get these rights instead of a 401. `/login` still answers them with 401 and a
   * challenge, as the real server does (src/webui/webui.c page_login).
   */
  anonymous?: Omit<FakeUser, 'username' | 'password'>;
}

export const DEFAULT_USERS: FakeUser[] = [
  { username: 'admin', password: 'admin', admin: true },
  { username: 'viewer', password: 'viewer', dvrAll: true, dvrFailed: true },
  { username: 'basic', password: 'basic' },
];

const HTML = (code: number, text: string) =>
  `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<HTML><HEAD>\n<TITLE>${code} ${text}</TITLE>\n</HEAD><BODY>\n<H1>${code} ${text}</H1>\n</BODY></HTML>\n`;
const REASONS: Record<number, string> = {
  302: 'Found',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
};

export class FakeTvheadend {
  readonly state = new FakeState();
  readonly auth: FakeAuth;
  readonly comet: CometHub;
  readonly scenario: FakeScenario;
  /** Every request: method, path (without http_root), status, and whether it was an upgrade. */
  readonly requests: {
    method: string;
    path: string;
    query: string;
    status: number;
    upgrade: boolean;
    auth?: string;
    protocols?: string;
  }[] = [];
  /** Fault injection: the next authorised request to this API path gets this status instead of an answer. */
  readonly faults = new Map<string, number>();
  private server: Server | undefined;
  private readonly wss = new WebSocketServer({ noServer: true, handleProtocols: () => false });
  private diskTimer: NodeJS.Timeout | undefined;
  private seq = 0;
  port = 0;

  constructor(private readonly opts: FakeTvheadendOptions = {}) {
    this.auth = new FakeAuth(
      [
        ...(opts.users ?? DEFAULT_USERS),
        ...(opts.anonymous ? [{ ...opts.anonymous, username: '*', password: '' }] : []),
      ],
      opts.authMode ?? 'digest',
      opts.digestAlgo ?? 'MD5',
    );
    this.comet = new CometHub(
      opts.batchMs ?? 1000,
      opts.mailboxTtlMs ?? 60_000,
      () => this.port,
      () => ({ free: this.state.freeBytes, used: this.state.usedBytes, total: this.state.totalBytes }),
      () => this.scenario.tick(),
    );
    this.scenario = new FakeScenario(this.state, this.comet);
    // The server names its subprotocol whatever the client asked for (src/http.c).
    this.wss.on('headers', (headers) => headers.push('Sec-WebSocket-Protocol: tvheadend-comet'));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}${this.opts.httpRoot ?? ''}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.on('upgrade', (req, socket: Socket, head) => this.onUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port || this.opts.port || 0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    this.comet.start();
    this.diskTimer = setInterval(
      () =>
        this.comet.broadcast({
          freediskspace: this.state.freeBytes,
          useddiskspace: this.state.usedBytes,
          totaldiskspace: this.state.totalBytes,
          notificationClass: 'diskspaceUpdate',
        }),
      this.opts.diskIntervalMs ?? 15_000,
    );
    return this;
  }

  /** Like SIGTERM: sockets dropped without a close frame (clients see 1006), mailboxes lost. */
  async stop(): Promise<void> {
    clearInterval(this.diskTimer);
    this.comet.stop();
    for (const ws of this.wss.clients) ws.terminate();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Stop, change state while nobody listens, start again on the same port. */
  async restart(whileDown?: () => void | Promise<void>): Promise<void> {
    await this.stop();
    await whileDown?.();
    await this.start();
  }

  /** An admin-only log line, stamped like tvhlog. */
  log(text: string): void {
    this.scenario.log(text);
  }

  broadcast(message: Message, restricted = false): void {
    this.comet.broadcast(message, restricted);
  }

  private route(url: string | undefined): { path: string; params: URLSearchParams } | undefined {
    const parsed = new URL(url ?? '/', 'http://127.0.0.1');
    const root = this.opts.httpRoot ?? '';
    if (!parsed.pathname.startsWith(root)) return undefined;
    return { path: parsed.pathname.slice(root.length) || '/', params: parsed.searchParams };
  }

  private authorize(req: IncomingMessage): AuthOutcome {
    return this.auth.verify(req.method ?? 'GET', req.headers.authorization);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    // "No content length in POST, make us disconnect" (http_cmd_post).
    if (method === 'POST' && req.headers['content-length'] === undefined) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = this.route(req.url);
    const path = target?.path ?? req.url ?? '/';
    const query = target?.params.toString() ?? '';
    const send = (status: number, body?: unknown, headers: Record<string, string | string[]> = {}) => {
      this.requests.push({ method, path, query, status, upgrade: false, auth: req.headers.authorization });
      const json = status === 200 && body !== undefined;
      const text = json ? JSON.stringify(body) : HTML(status, REASONS[status] ?? 'Error');
      res.writeHead(status, {
        Server: 'HTS/tvheadend',
        'Cache-Control': 'no-cache',
        'Content-Type': json ? 'application/json; charset=UTF-8' : 'text/html',
        'Content-Length': String(Buffer.byteLength(text)),
        ...headers,
      });
      res.end(text);
      // A 4xx other than 401 is logged at ERROR level, which admins see as a log line.
      if (status >= 400 && status !== 401) {
        this.log(`http: 127.0.0.1: HTTP/1.1 ${method} (${++this.seq}) ${path} -- ${status}`);
      }
    };
    const known =
      target &&
      (target.path.startsWith('/api/') ||
        target.path === '/comet/ws' ||
        target.path === '/comet/poll' ||
        target.path === '/login');
    if (!known || (this.opts.noWebsocket && target.path === '/comet/ws')) return send(404);
    const auth = this.authorize(req);
    // page_login: a named user is sent to the UI; anyone else (anonymous included) gets
    // http_noaccess_code(), i.e. 401 + challenge when no username came with the request.
    if (target.path === '/login') {
      if (auth.status === 403) return send(403);
      if (auth.user && auth.user.username !== '*')
        return send(302, undefined, { Location: `${this.opts.httpRoot ?? ''}/` });
      return send(401, undefined, { 'WWW-Authenticate': auth.challenge ?? this.auth.challenge() });
    }
    if (auth.status === 401) return send(401, undefined, { 'WWW-Authenticate': auth.challenge ?? [] });
    if (auth.status === 403 || !auth.user) return send(403);
    if (target.path === '/comet/ws') return send(400);
    const fault = this.faults.get(target.path);
    if (fault !== undefined) {
      this.faults.delete(target.path);
      return send(fault);
    }
    const params = new URLSearchParams(target.params);
    const form = Buffer.concat(chunks).toString('utf8');
    if (form) for (const [k, v] of new URLSearchParams(form)) params.set(k, v);
    const result = handleApi(target.path, params, auth.user, this.state);
    send(result.status, result.body);
  }

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const target = this.route(req.url);
    const path = target?.path ?? req.url ?? '/';
    const query = target?.params.toString() ?? '';
    const authorization = req.headers.authorization;
    const refuse = (status: number, headers: string[] = []) => {
      this.requests.push({ method: 'GET', path, query, status, upgrade: true, auth: authorization });
      const body = HTML(status, REASONS[status] ?? 'Error');
      socket.end(
        [
          `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`,
          'Server: HTS/tvheadend',
          'Cache-Control: no-cache',
          ...headers,
          'Connection: close',
          'Content-Type: text/html',
          `Content-Length: ${Buffer.byteLength(body)}`,
          '',
          body,
        ].join('\r\n'),
      );
    };
    if (!target || target.path !== '/comet/ws' || this.opts.noWebsocket) return refuse(404);
    const auth = this.authorize(req);
    if (auth.status === 401)
      return refuse(
        401,
        (auth.challenge ?? []).map((c) => `WWW-Authenticate: ${c}`),
      );
    if (auth.status === 403 || !auth.user) return refuse(403);
    const user = auth.user;
    const protocols = req.headers['sec-websocket-protocol'];
    this.requests.push({
      method: 'GET',
      path,
      query,
      status: 101,
      upgrade: true,
      auth: authorization,
      protocols,
    });
    this.wss.handleUpgrade(req, socket, head, (ws) =>
      this.comet.attach(ws, user, target.params.get('boxid')),
    );
  }
}

export async function startFakeTvheadend(opts: FakeTvheadendOptions = {}): Promise<FakeTvheadend> {
  return new FakeTvheadend(opts).start();
}
