import { randomBytes } from 'node:crypto';
import type { TokenInfo } from './auth';
import { hexId, sessionIdFor } from './auth';
import type { ClientSocket, FakeSession } from './state';
import { FakeState } from './state';

export type FakeFlavour = 'jellyfin' | 'emby' | 'emby-legacy';

export interface FakeEmbyOptions {
  flavour: FakeFlavour;
  /** Accepted API keys (default `test-api-key`). */
  apiKeys?: string[];
  /** username → password/admin (default `tray` / `s3cret`, admin). */
  users?: Record<string, { password: string; admin?: boolean }>;
  /** Jellyfin: a socket without KeepAlive for this long is dropped (real server: 60 s). */
  keepAliveTimeoutMs?: number;
  /** Jellyfin: re-send ForceKeepAlive to quiet sockets at 75 % of the timeout (real server: yes). */
  forceKeepAlive?: boolean;
  /** Jellyfin: accept `api_key` / `X-Emby-Token` / `X-Emby-Authorization` (10.11: yes; 12.0: no → 403 "Token is required"). */
  legacyAuthorization?: boolean;
  /** Legacy: a socket that sends something other than Identity first, or nothing for this long, is closed. */
  identityTimeoutMs?: number;
  /** Fixed ports for the demo runner; tests leave them at 0. */
  port?: number;
  wsPort?: number;
}

export type ResolvedOptions = Required<Omit<FakeEmbyOptions, 'users'>> & {
  users: Record<string, { password: string; admin?: boolean }>;
};

export function resolveOptions(opts: FakeEmbyOptions): ResolvedOptions {
  return {
    apiKeys: ['test-api-key'],
    users: { tray: { password: 's3cret', admin: true } },
    keepAliveTimeoutMs: 60_000,
    forceKeepAlive: true,
    legacyAuthorization: true,
    identityTimeoutMs: 2000,
    port: 0,
    wsPort: 0,
    ...opts,
  };
}

/** Shared behaviour of the three fake flavours: tokens, sessions and pushes. */
export class FakeCore {
  readonly state = new FakeState();

  constructor(readonly opts: ResolvedOptions) {
    for (const [name, u] of Object.entries(opts.users)) {
      this.state.users.set(name, {
        id: hexId(`user-${name}`),
        name,
        password: u.password,
        admin: u.admin ?? true,
      });
    }
    for (const key of opts.apiKeys)
      this.state.tokens.set(key, { token: key, kind: 'apiKey', client: 'Herald key' });
  }

  get flavour(): FakeFlavour {
    return this.opts.flavour;
  }

  legacyAllowed(): boolean {
    return this.flavour !== 'jellyfin' || this.opts.legacyAuthorization;
  }

  token(token: string | undefined): TokenInfo | undefined {
    return token ? this.state.tokens.get(token) : undefined;
  }

  isAdmin(info: TokenInfo | undefined): boolean {
    if (!info) return false;
    if (info.kind === 'apiKey') return true;
    return this.state.users.get(info.user ?? '')?.admin === true;
  }

  /** The server's LogSessionActivity: one session per Client + DeviceId, stable across reconnects. */
  touchSession(
    client: string,
    deviceId: string,
    deviceName: string,
    version: string,
    info?: TokenInfo,
  ): FakeSession {
    const id = sessionIdFor(client, deviceId);
    const user = info?.user ? this.state.users.get(info.user) : undefined;
    const existing = this.state.sessions.get(id);
    const session: FakeSession = existing ?? {
      Id: id,
      Client: client,
      DeviceId: deviceId,
      DeviceName: deviceName,
      ApplicationVersion: version,
      PlayState: { IsPaused: false },
      SupportsMediaControl: false,
    };
    if (user) {
      session.UserId = user.id;
      session.UserName = user.name;
    }
    this.state.sessions.set(id, session);
    return session;
  }

  frame(type: string, data?: unknown): string {
    const message: Record<string, unknown> = {
      MessageType: type,
      MessageId: randomBytes(16).toString('hex'),
    };
    if (data !== undefined) message.Data = data;
    return JSON.stringify(message);
  }

  send(sock: ClientSocket, type: string, data?: unknown): void {
    if (sock.ws.readyState === sock.ws.OPEN) sock.ws.send(this.frame(type, data));
  }

  /**
   * Jellyfin sends user- and admin-targeted messages only to sessions that have a user (API-key sockets get
   * none); the old Emby server sent them to every connection.
   */
  broadcast(type: string, data: unknown, audience: 'all' | 'users' | 'admins' = 'all'): number {
    let sent = 0;
    for (const sock of this.state.sockets) {
      if (!this.inAudience(sock, audience)) continue;
      this.send(sock, type, data);
      sent++;
    }
    return sent;
  }

  private inAudience(sock: ClientSocket, audience: 'all' | 'users' | 'admins'): boolean {
    if (audience === 'all' || this.flavour !== 'jellyfin') return true;
    if (sock.token?.kind !== 'user') return false;
    return audience === 'users' || this.isAdmin(sock.token);
  }

  sessionsDto(): unknown[] {
    return [...this.state.sessions.values()].map((s) => {
      const dto: Record<string, unknown> = {
        ...s,
        SupportsRemoteControl: s.SupportsMediaControl,
        ServerId: this.state.serverId,
      };
      delete dto.Capabilities;
      if (!s.NowPlayingItem) delete dto.NowPlayingItem;
      return dto;
    });
  }

  /** Periodic listeners are event-driven on Jellyfin/Emby 4 (legacy pushes on its timer instead). */
  pushSubscribed(name: 'Sessions' | 'ActivityLogEntry' | 'ScheduledTasksInfo'): void {
    const data =
      name === 'Sessions' ? this.sessionsDto() : name === 'ActivityLogEntry' ? [] : this.state.tasks;
    for (const sock of this.state.sockets) if (sock.subscriptions.has(name)) this.send(sock, name, data);
  }
}
