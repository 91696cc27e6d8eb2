import type { WebSocket } from 'ws';
import type { FakeUser, TokenInfo } from './auth';
import { hexId } from './auth';

export interface FakeItem {
  Id: string;
  Name: string;
  Type: string;
  SeriesName?: string;
  ParentIndexNumber?: number;
  IndexNumber?: number;
  ProductionYear?: number;
}

export interface FakeSession {
  Id: string;
  UserId?: string;
  UserName?: string;
  Client: string;
  DeviceId: string;
  DeviceName: string;
  ApplicationVersion: string;
  NowPlayingItem?: FakeItem;
  PlayState: { IsPaused: boolean; PositionTicks?: number };
  Capabilities?: unknown;
  SupportsMediaControl: boolean;
}

export interface ActivityEntry {
  Id: number;
  Name: string;
  Type: string;
  Date: string;
  UserId: string;
  Severity: string;
  ShortOverview?: string;
  ItemId?: string;
}

export interface ClientSocket {
  ws: WebSocket;
  sessionId?: string;
  /** Token kind of the socket: API-key sockets have no user on Jellyfin. */
  token?: TokenInfo;
  subscriptions: Set<string>;
  /** Legacy periodic Sessions pushes. */
  timers: NodeJS.Timeout[];
  lastKeepAlive: number;
  identified: boolean;
  received: unknown[];
}

export interface CapabilitiesPost {
  sessionId?: string;
  query: string;
  body: unknown;
  at: number;
}

/** Everything the fake server knows; survives a simulated restart except sockets and capabilities. */
export class FakeState {
  readonly serverId = hexId('fake-server');
  readonly users = new Map<string, FakeUser>();
  readonly tokens = new Map<string, TokenInfo>();
  readonly sessions = new Map<string, FakeSession>();
  readonly sockets = new Set<ClientSocket>();
  readonly activity: ActivityEntry[] = [];
  readonly items = new Map<string, FakeItem>();
  readonly capabilities: CapabilitiesPost[] = [];
  /** Live TV timers and series timers by id (TimerInfoDto subset). */
  readonly timers = new Map<
    string,
    { Id: string; Name: string; ChannelName: string; StartDate: string; ProgramId?: string; series: boolean }
  >();
  readonly logins: { username: string; ok: boolean; deviceId?: string }[] = [];
  readonly tasks: {
    Id: string;
    Name: string;
    Key: string;
    State: string;
    LastExecutionResult?: Record<string, unknown>;
  }[] = [{ Id: hexId('task-scan'), Name: 'Scan Media Library', Key: 'RefreshLibrary', State: 'Idle' }];
  /** Upgrades refused (status) and sockets dropped for missing KeepAlive. */
  readonly refusals: number[] = [];
  droppedForSilence = 0;
  connections = 0;
  private nextActivityId = 1000;

  userById(id: string | undefined): FakeUser | undefined {
    return [...this.users.values()].find((u) => u.id === id);
  }

  addActivity(partial: Partial<ActivityEntry> & { Name: string; Type: string }): ActivityEntry {
    const entry: ActivityEntry = {
      Id: ++this.nextActivityId,
      Date: new Date().toISOString(),
      UserId: '00000000000000000000000000000000',
      Severity: 'Information',
      ...partial,
    };
    this.activity.push(entry);
    return entry;
  }

  /** Herald's session(s): the ones with an open socket. */
  socketSessions(): FakeSession[] {
    const ids = new Set([...this.sockets].map((s) => s.sessionId).filter(Boolean));
    return [...this.sessions.values()].filter((s) => ids.has(s.Id));
  }
}
