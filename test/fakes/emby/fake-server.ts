import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { hexId } from './auth';
import { FakeCore, resolveOptions } from './core';
import type { FakeEmbyOptions, FakeFlavour } from './core';
import { handleRest } from './http';
import { handleUpgrade, startKeepAliveWatchdog } from './sockets';
import type { ActivityEntry, FakeItem, FakeSession, FakeState } from './state';

export type { FakeEmbyOptions, FakeFlavour };

export interface FakeEmby {
  readonly flavour: FakeFlavour;
  /** http://127.0.0.1:<port> — what a user types into Herald. */
  readonly url: string;
  readonly port: number;
  /** Legacy flavour: the separate WebSocket port reported in /System/Info. */
  readonly wsPort: number | undefined;
  readonly state: FakeState;
  /** Sessions that have an open socket (Herald's). */
  heraldSessions(): FakeSession[];
  /** What an admin's "Send message" does; returns how many sockets got it. */
  sendDisplayMessage(msg: { header?: string; text: string; timeoutMs?: number; sessionId?: string }): number;
  startPlayback(opts?: { user?: string; device?: string; item?: Partial<FakeItem> }): string;
  setPaused(sessionId: string, paused: boolean): void;
  stopPlayback(sessionId: string): void;
  /** Adds an activity entry and sends the (empty) ActivityLogEntry signal. */
  addActivity(entry: Partial<ActivityEntry> & { Name: string; Type: string }): ActivityEntry;
  libraryChanged(added: Partial<FakeItem>[]): string[];
  taskEnded(result: {
    Name?: string;
    Status: 'Completed' | 'Failed' | 'Cancelled' | 'Aborted';
    ErrorMessage?: string;
  }): void;
  /** Live TV: a recording (or series recording) scheduled; returns the timer id. */
  timerCreated(timer: { name: string; channel?: string; startDate?: string; series?: boolean }): string;
  timerCancelled(id: string): void;
  /** Any push, to every socket (audience rules as the real server). */
  push(type: string, data?: unknown, audience?: 'all' | 'users' | 'admins'): number;
  /** Revokes one token, or every user token (an admin deleting devices). */
  revokeTokens(token?: string): void;
  /** A network blip: every socket is cut without a close frame. */
  dropSockets(): void;
  /** ServerRestarting, then down for `downMs`, then up again on the same ports (capabilities forgotten). */
  restart(downMs?: number): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function shut(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Starts a protocol-faithful fake Emby / Jellyfin server on 127.0.0.1 (see emby-jellyfin.md). */
export async function startFakeEmby(options: FakeEmbyOptions): Promise<FakeEmby> {
  const core = new FakeCore(resolveOptions(options));
  const { state } = core;
  const wss = new WebSocketServer({ noServer: true });
  const legacy = core.flavour === 'emby-legacy';
  let port = core.opts.port;
  let wsPort: number | undefined = legacy ? core.opts.wsPort : undefined;
  let playbackSeq = 0;
  let watchdog: NodeJS.Timeout | undefined;

  const deliver = (
    sessionId: string | undefined,
    header: string | undefined,
    text: string,
    timeoutMs?: number,
  ): number => {
    const args: Record<string, string> = {
      Header: header?.trim() ? header : 'Message from Server',
      Text: text,
    };
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) args.TimeoutMs = String(timeoutMs);
    const data = {
      Name: 'DisplayMessage',
      ControllingUserId: '00000000000000000000000000000000',
      Arguments: args,
    };
    const done = new Set<string>();
    for (const sock of state.sockets) {
      // One socket per session gets a GeneralCommand (WebSocketController.SendMessage).
      if (!sock.sessionId || done.has(sock.sessionId) || (sessionId && sock.sessionId !== sessionId))
        continue;
      done.add(sock.sessionId);
      core.send(sock, 'GeneralCommand', data);
    }
    return done.size;
  };

  const makeServer = (isLegacySocket: boolean) => {
    const server = createServer((req, res) => {
      handleRest(
        core,
        req,
        res,
        () => port,
        () => wsPort,
        (id, h, t, ms) => deliver(id, h, t, ms) > 0,
      ).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.on('upgrade', (req, socket, head) => {
      socket.on('error', () => {});
      if (legacy && !isLegacySocket) {
        socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      handleUpgrade(core, wss, req, socket, head, isLegacySocket);
    });
    return server;
  };

  let http = makeServer(false);
  let wsServer = legacy ? makeServer(true) : undefined;
  const up = async () => {
    port = await listen(http, port);
    if (wsServer) wsPort = await listen(wsServer, wsPort ?? 0);
    if (core.flavour === 'jellyfin') watchdog = startKeepAliveWatchdog(core);
  };
  const down = async () => {
    if (watchdog) clearInterval(watchdog);
    for (const sock of state.sockets) sock.ws.terminate();
    state.sockets.clear();
    await shut(http);
    if (wsServer) await shut(wsServer);
  };
  await up();

  const fake: FakeEmby = {
    flavour: core.flavour,
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get wsPort() {
      return wsPort;
    },
    state,
    heraldSessions: () => state.socketSessions(),
    sendDisplayMessage: (m) => deliver(m.sessionId, m.header, m.text, m.timeoutMs),
    startPlayback(opts = {}) {
      const n = ++playbackSeq;
      const user = opts.user ?? 'alice';
      const device = opts.device ?? `Living Room TV ${n}`;
      const item: FakeItem = {
        Id: hexId(`item-${n}`),
        Name: 'Pilot',
        Type: 'Episode',
        SeriesName: 'Some Show',
        ParentIndexNumber: 1,
        IndexNumber: n,
        ...opts.item,
      };
      state.items.set(item.Id, item);
      const session = core.touchSession('Jellyfin Android TV', `tv-${device}`, device, '0.18.0');
      session.UserId = hexId(`user-${user}`);
      session.UserName = user;
      session.NowPlayingItem = item;
      session.PlayState = { IsPaused: false, PositionTicks: 0 };
      state.addActivity({
        Name: `${user} is playing ${item.SeriesName ?? ''} - ${item.Name} on ${device}`,
        Type: 'VideoPlayback',
        ItemId: item.Id,
        UserId: session.UserId,
      });
      if (!legacy) core.pushSubscribed('Sessions');
      core.pushSubscribed('ActivityLogEntry');
      return session.Id;
    },
    setPaused(sessionId, paused) {
      const s = state.sessions.get(sessionId);
      if (s) s.PlayState = { ...s.PlayState, IsPaused: paused };
      if (!legacy) core.pushSubscribed('Sessions');
    },
    stopPlayback(sessionId) {
      const s = state.sessions.get(sessionId);
      if (!s) return;
      const item = s.NowPlayingItem;
      delete s.NowPlayingItem;
      if (item)
        state.addActivity({
          Name: `${s.UserName} has finished playing ${item.Name} on ${s.DeviceName}`,
          Type: 'VideoPlaybackStopped',
          ItemId: item.Id,
          UserId: s.UserId ?? '',
        });
      if (!legacy) core.pushSubscribed('Sessions');
      core.pushSubscribed('ActivityLogEntry');
    },
    addActivity(entry) {
      const added = state.addActivity(entry);
      core.pushSubscribed('ActivityLogEntry');
      return added;
    },
    libraryChanged(added) {
      const ids = added.map((partial, i) => {
        const item: FakeItem = {
          Id: hexId(`lib-${Date.now()}-${i}-${Math.random()}`),
          Name: `Item ${i + 1}`,
          Type: 'Movie',
          ...partial,
        };
        state.items.set(item.Id, item);
        return item.Id;
      });
      const folder = hexId('folder-movies');
      state.items.set(folder, { Id: folder, Name: 'Movies', Type: 'CollectionFolder' });
      core.broadcast(
        'LibraryChanged',
        {
          FoldersAddedTo: [folder],
          FoldersRemovedFrom: [],
          ItemsAdded: [...ids, folder],
          ItemsRemoved: [],
          ItemsUpdated: [folder],
          CollectionFolders: [folder],
          IsEmpty: false,
        },
        'users',
      );
      return ids;
    },
    taskEnded(result) {
      const task = state.tasks[0]!;
      const end = new Date();
      const last = {
        StartTimeUtc: new Date(end.getTime() - 5000).toISOString(),
        EndTimeUtc: end.toISOString(),
        Status: result.Status,
        Name: result.Name ?? task.Name,
        Key: task.Key,
        Id: task.Id,
        ErrorMessage: result.ErrorMessage,
      };
      task.LastExecutionResult = last;
      core.broadcast('ScheduledTaskEnded', last, 'admins');
      core.pushSubscribed('ScheduledTasksInfo');
    },
    timerCreated(t) {
      const id = hexId(`timer-${t.name}-${Math.random()}`);
      const programId = hexId(`program-${t.name}`);
      const startDate = t.startDate ?? new Date(Date.now() + 3_600_000).toISOString();
      state.timers.set(id, {
        Id: id,
        Name: t.name,
        ChannelName: t.channel ?? 'BBC One',
        StartDate: startDate,
        ProgramId: programId,
        series: t.series === true,
      });
      // RecordingNotifier: users with Live TV access, i.e. sessions that have a user.
      core.broadcast(
        t.series ? 'SeriesTimerCreated' : 'TimerCreated',
        t.series ? { Id: id } : { Id: id, ProgramId: programId },
        'users',
      );
      return id;
    },
    timerCancelled(id) {
      const t = state.timers.get(id);
      state.timers.delete(id);
      core.broadcast(t?.series ? 'SeriesTimerCancelled' : 'TimerCancelled', { Id: id }, 'users');
    },
    push: (type, data, audience) => core.broadcast(type, data, audience),
    revokeTokens(token) {
      for (const [t, info] of state.tokens)
        if ((token && t === token) || (!token && info.kind === 'user')) state.tokens.delete(t);
    },
    dropSockets() {
      for (const sock of state.sockets) sock.ws.terminate();
      state.sockets.clear();
    },
    async restart(downMs = 200) {
      core.broadcast('ServerRestarting', '');
      await new Promise((r) => setTimeout(r, 20));
      await down();
      for (const s of state.sessions.values()) {
        delete s.Capabilities;
        s.SupportsMediaControl = false;
      }
      await new Promise((r) => setTimeout(r, downMs));
      http = makeServer(false);
      wsServer = legacy ? makeServer(true) : undefined;
      await up();
    },
    async close() {
      await down();
      wss.close();
    },
  };
  return fake;
}
