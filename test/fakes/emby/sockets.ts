import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { TokenInfo } from './auth';
import { callerOf } from './auth';
import type { FakeCore } from './core';
import type { ClientSocket } from './state';

function refuse(core: FakeCore, socket: Duplex, status: number, text: string): void {
  core.state.refusals.push(status);
  const reason = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/** Checks the upgrade the way each flavour does and, when it passes, hands over a bound ClientSocket. */
export function handleUpgrade(
  core: FakeCore,
  wss: WebSocketServer,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  legacyPort: boolean,
): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const caller = callerOf(req, url, core.legacyAllowed());
  let info: TokenInfo | undefined;
  let bind: ((sock: ClientSocket) => void) | undefined;

  if (core.flavour === 'jellyfin') {
    // Any path is a socket; auth failures are SecurityExceptions → 403.
    if (!caller.token || (caller.via === 'legacy' && !core.legacyAllowed()))
      return refuse(core, socket, 403, 'Token is required');
    info = core.token(caller.token);
    if (!info) return refuse(core, socket, 403, 'Invalid token.');
    const client = caller.client ?? info.client ?? 'unknown';
    const deviceId = caller.deviceId ?? info.deviceId ?? core.state.serverId;
    const device = caller.device ?? info.device ?? 'unknown';
    const tokenInfo = info;
    bind = (sock) => {
      sock.sessionId = core.touchSession(client, deviceId, device, caller.version ?? '0', tokenInfo).Id;
      sock.identified = true;
      core.send(sock, 'ForceKeepAlive', Math.max(1, Math.round(core.opts.keepAliveTimeoutMs / 1000)));
    };
  } else if (core.flavour === 'emby') {
    if (url.pathname !== '/embywebsocket' && url.pathname !== '/')
      return refuse(core, socket, 404, 'not found');
    info = core.token(caller.token);
    if (!info) return refuse(core, socket, 401, 'Access token is invalid or expired.');
    const deviceId = url.searchParams.get('deviceId') ?? info.deviceId ?? 'unknown';
    const tokenInfo = info;
    bind = (sock) => {
      sock.sessionId = core.touchSession(
        tokenInfo.client ?? 'Herald key',
        deviceId,
        tokenInfo.device ?? deviceId,
        '0',
        tokenInfo,
      ).Id;
      sock.identified = true;
    };
  } else {
    if (!legacyPort || url.pathname !== '/mediabrowser') return refuse(core, socket, 404, 'not found');
    if (caller.token) {
      info = core.token(caller.token);
      if (!info) return refuse(core, socket, 401, 'Access token is invalid or expired.');
    }
  }

  wss.handleUpgrade(req, socket, head, (ws) => {
    const sock: ClientSocket = {
      ws,
      token: info,
      subscriptions: new Set(),
      timers: [],
      lastKeepAlive: Date.now(),
      identified: false,
      received: [],
    };
    core.state.sockets.add(sock);
    core.state.connections++;
    bind?.(sock);
    if (sock.identified) logSession(core, sock, 'SessionStarted');
    if (core.flavour === 'emby-legacy') {
      const timer = setTimeout(() => {
        if (!sock.identified) ws.close(4001, 'Identity required');
      }, core.opts.identityTimeoutMs);
      sock.timers.push(timer);
    }
    ws.on('message', (data) => onMessage(core, sock, data.toString()));
    ws.on('close', () => {
      for (const t of sock.timers) clearInterval(t); // clears timeouts too
      core.state.sockets.delete(sock);
      if (sock.identified) logSession(core, sock, 'SessionEnded');
    });
    ws.on('error', () => {});
  });
}

/** Sessions with a user leave "X is online from D" / "X has disconnected from D" in the activity log. */
function logSession(core: FakeCore, sock: ClientSocket, type: 'SessionStarted' | 'SessionEnded'): void {
  const session = sock.sessionId ? core.state.sessions.get(sock.sessionId) : undefined;
  if (!session?.UserName) return;
  const verb = type === 'SessionStarted' ? 'is online from' : 'has disconnected from';
  core.state.addActivity({
    Name: `${session.UserName} ${verb} ${session.DeviceName}`,
    Type: type,
    UserId: session.UserId,
    ShortOverview: 'IP address: 127.0.0.1',
  });
  core.pushSubscribed('ActivityLogEntry');
}

function onMessage(core: FakeCore, sock: ClientSocket, text: string): void {
  let msg: { MessageType?: unknown; Data?: unknown };
  try {
    msg = JSON.parse(text) as typeof msg;
  } catch {
    return;
  }
  sock.received.push(msg);
  const type = typeof msg.MessageType === 'string' ? msg.MessageType : '';
  if (core.flavour === 'emby-legacy' && !sock.identified) {
    if (type !== 'Identity' || typeof msg.Data !== 'string') return sock.ws.close(4001, 'Identity required');
    const [client = '', deviceId = '', version = '', deviceName = deviceId] = msg.Data.split('|');
    sock.sessionId = core.touchSession(client, deviceId, deviceName, version, sock.token).Id;
    sock.identified = true;
    logSession(core, sock, 'SessionStarted');
    return;
  }
  if (type === 'KeepAlive') {
    sock.lastKeepAlive = Date.now();
    if (core.flavour === 'jellyfin') core.send(sock, 'KeepAlive');
    return;
  }
  const start = /^(Sessions|ActivityLogEntry|ScheduledTasksInfo)(Start|Stop)$/.exec(type);
  if (!start) return; // Jellyfin logs unknown types (Identity included) and carries on
  const name = start[1] as 'Sessions' | 'ActivityLogEntry' | 'ScheduledTasksInfo';
  if (start[2] === 'Stop') return void sock.subscriptions.delete(name);
  // "Only admin users can retrieve the activity log." — swallowed server-side, the client hears nothing.
  if (name === 'ActivityLogEntry' && !core.isAdmin(sock.token)) return;
  sock.subscriptions.add(name);
  if (core.flavour === 'emby-legacy' && name === 'Sessions') {
    // Media Browser 3: "beginning in 1000ms, and every 1000ms thereafter".
    const period = Math.max(50, Number(String(msg.Data ?? '').split(',')[1]) || 1000);
    sock.timers.push(setInterval(() => core.send(sock, 'Sessions', core.sessionsDto()), period));
  }
}

/** Jellyfin's SessionWebSocketListener watchdog: ForceKeepAlive at 75 %, drop at 100 % of the timeout. */
export function startKeepAliveWatchdog(core: FakeCore): NodeJS.Timeout {
  const timeout = core.opts.keepAliveTimeoutMs;
  return setInterval(
    () => {
      const now = Date.now();
      for (const sock of core.state.sockets) {
        const idle = now - sock.lastKeepAlive;
        if (idle >= timeout) {
          core.state.droppedForSilence++;
          core.state.sockets.delete(sock);
          sock.ws.terminate();
        } else if (idle >= timeout * 0.75 && core.opts.forceKeepAlive) {
          core.send(sock, 'ForceKeepAlive', Math.max(1, Math.round(timeout / 1000)));
        }
      }
    },
    Math.max(10, timeout * 0.2),
  );
}
