import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller, TokenInfo } from './auth';
import { callerOf, newToken } from './auth';
import type { FakeCore } from './core';

interface Ctx {
  core: FakeCore;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  caller: Caller;
  body: unknown;
  /** The HTTP port, reported in /System/Info. */
  port: () => number;
  wsPort: () => number | undefined;
  /** Scenario hook: deliver a DisplayMessage to one session. */
  message: (sessionId: string, header: string | undefined, text: string, timeoutMs?: number) => boolean;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Jellyfin 12 ignores the legacy token places, so such a request is simply unauthenticated (401). */
function authed(c: Ctx): TokenInfo | undefined {
  if (c.caller.via === 'legacy' && !c.core.legacyAllowed()) return undefined;
  return c.core.token(c.caller.token);
}

function publicInfo(c: Ctx): Record<string, unknown> {
  const base = {
    ServerName: 'fake',
    Id: c.core.state.serverId,
    LocalAddress: `http://127.0.0.1:${c.port()}`,
  };
  if (c.core.flavour === 'jellyfin')
    return {
      ...base,
      ProductName: 'Jellyfin Server',
      Version: c.core.opts.legacyAuthorization ? '10.11.9' : '12.0.0',
    };
  return { ...base, Version: c.core.flavour === 'emby' ? '4.8.11.0' : '3.0.5500.0' };
}

function authenticateByName(c: Ctx): void {
  const body = (c.body ?? {}) as Record<string, unknown>;
  const username = typeof body.Username === 'string' ? body.Username : '';
  const user = c.core.state.users.get(username);
  const pw = typeof body.Pw === 'string' ? body.Pw : undefined;
  const sha1 = user ? createHash('sha1').update(user.password).digest('hex') : undefined;
  const ok = !!user && (pw === user.password || (c.core.flavour === 'emby-legacy' && body.Password === sha1));
  c.core.state.logins.push({ username, ok, deviceId: c.caller.deviceId });
  const { client, deviceId, device, version } = c.caller;
  if (!client || !deviceId || !device || !version)
    return send(c.res, 400, 'Client, Device, DeviceId and Version are required');
  if (!ok || !user) return send(c.res, 401, 'Invalid username or password entered.');
  // "Logout any existing sessions for the user on this device."
  for (const [token, info] of c.core.state.tokens) {
    if (info.kind === 'user' && info.user === username && info.deviceId === deviceId)
      c.core.state.tokens.delete(token);
  }
  const token = newToken();
  const info: TokenInfo = { token, kind: 'user', user: username, deviceId, client, device };
  c.core.state.tokens.set(token, info);
  const session = c.core.touchSession(client, deviceId, device, version, info);
  send(c.res, 200, {
    User: {
      Name: user.name,
      Id: user.id,
      ServerId: c.core.state.serverId,
      HasPassword: true,
      Policy: { IsAdministrator: user.admin },
    },
    SessionInfo: { Id: session.Id, UserName: user.name, Client: client, DeviceId: deviceId },
    AccessToken: token,
    ServerId: c.core.state.serverId,
  });
}

function ownSessionId(c: Ctx, info: TokenInfo): string | undefined {
  const deviceId = c.caller.deviceId ?? info.deviceId;
  const client = info.kind === 'user' ? (info.client ?? c.caller.client) : c.caller.client;
  return [...c.core.state.sessions.values()].find(
    (s) => s.DeviceId === deviceId && (!client || s.Client === client),
  )?.Id;
}

function capabilities(c: Ctx, info: TokenInfo): void {
  const explicit = c.url.searchParams.get('Id') ?? c.url.searchParams.get('id') ?? undefined;
  if (c.core.flavour !== 'jellyfin' && !explicit) return send(c.res, 400, 'Id is required');
  const sessionId = explicit ?? ownSessionId(c, info);
  const session = sessionId ? c.core.state.sessions.get(sessionId) : undefined;
  c.core.state.capabilities.push({ sessionId, query: c.url.search, body: c.body, at: Date.now() });
  if (!session) return send(c.res, 404, 'session not found');
  session.Capabilities = c.body;
  session.SupportsMediaControl =
    (c.body as { SupportsMediaControl?: boolean } | undefined)?.SupportsMediaControl === true;
  c.core.pushSubscribed('Sessions'); // CapabilitiesChanged forces a Sessions push
  send(c.res, 204);
}

function activityLog(c: Ctx, info: TokenInfo): void {
  if (!c.core.isAdmin(info)) return send(c.res, 403, 'Only admin users can retrieve the activity log.');
  const q = c.url.searchParams;
  const minDate = q.get('minDate') ?? q.get('MinDate');
  const start = Number(q.get('startIndex') ?? q.get('StartIndex') ?? 0);
  const limit = Number(q.get('limit') ?? q.get('Limit') ?? 100);
  const all = [...c.core.state.activity]
    .reverse()
    .filter((e) => !minDate || Date.parse(e.Date) >= Date.parse(minDate));
  send(c.res, 200, {
    Items: all.slice(start, start + limit),
    TotalRecordCount: all.length,
    StartIndex: start,
  });
}

function items(c: Ctx): void {
  const ids = (c.url.searchParams.get('Ids') ?? c.url.searchParams.get('ids') ?? '')
    .split(',')
    .filter(Boolean);
  const found = ids.map((id) => c.core.state.items.get(id)).filter(Boolean);
  send(c.res, 200, { Items: found, TotalRecordCount: found.length });
}

function postMessage(c: Ctx, sessionId: string): void {
  const body = (c.body ?? {}) as Record<string, unknown>;
  const q = c.url.searchParams;
  const text = String(body.Text ?? q.get('Text') ?? '');
  const header = (body.Header ?? q.get('Header') ?? undefined) as string | undefined;
  const timeout = body.TimeoutMs ?? q.get('TimeoutMs') ?? undefined;
  const ok = c.message(sessionId, header, text, timeout === undefined ? undefined : Number(timeout));
  send(c.res, ok ? 204 : 404);
}

export async function handleRest(
  core: FakeCore,
  req: IncomingMessage,
  res: ServerResponse,
  port: () => number,
  wsPort: () => number | undefined,
  message: Ctx['message'],
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.replace(/^\/emby(?=\/)/i, '');
  const c: Ctx = {
    core,
    req,
    res,
    url,
    caller: callerOf(req, url, core.legacyAllowed()),
    body: await readBody(req),
    port,
    wsPort,
    message,
  };
  const route = `${req.method} ${path}`;
  if (route === 'GET /System/Info/Public') return send(res, 200, publicInfo(c));
  if (route === 'POST /Users/AuthenticateByName') return authenticateByName(c);
  const info = authed(c);
  if (!info) return send(res, 401, 'Unauthorized');
  if (route === 'GET /System/Info') {
    const ws = wsPort() ?? port();
    return send(res, 200, { ...publicInfo(c), WebSocketPortNumber: ws, HttpServerPortNumber: port() });
  }
  if (route === 'GET /Sessions') return send(res, 200, core.sessionsDto());
  if (route === 'POST /Sessions/Capabilities/Full') return capabilities(c, info);
  if (route === 'GET /System/ActivityLog/Entries') return activityLog(c, info);
  if (route === 'GET /Items') return items(c);
  const timer = /^GET \/LiveTv\/(Timers|SeriesTimers)\/([^/]+)$/.exec(route);
  if (timer) {
    const found = core.state.timers.get(decodeURIComponent(timer[2]!));
    if (!found || found.series !== (timer[1] === 'SeriesTimers')) return send(res, 404, 'timer not found');
    const { series: _series, ...dto } = found;
    return send(res, 200, dto);
  }
  const target = /^POST \/Sessions\/([^/]+)\/Message$/.exec(route);
  if (target) return postMessage(c, target[1]!);
  send(res, 404, `no route ${route}`);
}
